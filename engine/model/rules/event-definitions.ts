import type { ModdleElement } from '../moddle.js';
import { listOf } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { one, processOf } from './kinds.js';

const throwers = (model: ModelIndex) => [...model.all('bpmn:EndEvent'), ...model.all('bpmn:IntermediateThrowEvent')];

/**
 * EXT.011 — in an executable process, an end or intermediate throw event that raises an
 * escalation names the escalation, and that escalation has an escalationCode.
 */
const escalationHasCode: Rule = (model, problems) => {
  for (const event of throwers(model).filter((e) => processOf(model, e)?.isExecutable === true)) {
    for (const definition of ownDefinitions(event, 'bpmn:EscalationEventDefinition')) {
      const escalation = one(definition.escalationRef);
      if (escalation && typeof escalation.escalationCode === 'string' && escalation.escalationCode !== '') continue;
      const what = escalation ? `escalation ${describe(escalation)} has no escalationCode` : 'names no escalation';
      problems.add(event, 'EXT.011', `${describe(event)} throws an escalation, but ${what}`);
    }
  }
};

function ownDefinitions(event: ModdleElement, type: string): ModdleElement[] {
  return [...listOf(event.eventDefinitions), ...listOf(event.eventDefinitionRef)].filter((d) => isA(d, type));
}

/** EXT.095 — an event definition contained in a throw event is not referenced by any other event. */
const thrownDefinitionsStayPrivate: Rule = (model, problems) => {
  const owned = new Map(throwers(model).flatMap((e) => listOf(e.eventDefinitions).map((d) => [d, e] as const)));
  for (const event of model.all('bpmn:Event')) {
    for (const reused of listOf(event.eventDefinitionRef).filter((d) => owned.has(d))) {
      problems.add(event, 'EXT.095', `${describe(event)} references ${describe(reused)}, which belongs to ${describe(owned.get(reused))}`);
    }
  }
};

/** Constraints on event definitions across events. */
export const eventDefinitionRules: readonly Rule[] = [escalationHasCode, thrownDefinitionsStayPrivate];
