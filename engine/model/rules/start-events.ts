import type { ModdleElement } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { flowElementsOf, incomingOf, isEventSubProcess, levels, outgoingOf, triggersOf, triggersOutside } from './kinds.js';

/** EXT.096 — a Start Event has no incoming Sequence Flow. */
const noIncoming: Rule = (model, problems) => {
  for (const start of model.all('bpmn:StartEvent')) {
    if (incomingOf(start).length > 0) problems.add(start, 'EXT.096', `${describe(start)} has an incoming sequence flow`);
  }
};

/** EXT.101 — a Start Event has an outgoing Sequence Flow. */
const hasOutgoing: Rule = (model, problems) => {
  for (const start of model.all('bpmn:StartEvent')) {
    if (outgoingOf(start).length === 0) problems.add(start, 'EXT.101', `${describe(start)} has no outgoing sequence flow`);
  }
};

const topLevelTriggers = ['Message', 'Timer', 'Conditional', 'Signal'];

/** EXT.098 — a Start Event of a process (not of a sub-process) is none, message, timer, conditional or signal. */
const topLevelTrigger: Rule = (model, problems) => {
  for (const start of model.all('bpmn:StartEvent').filter((s) => isA(model.parentOf(s), 'bpmn:Process'))) {
    const wrong = triggersOutside(start, topLevelTriggers);
    if (wrong.length > 0) problems.add(start, 'EXT.098', `${describe(start)} starts a process, which ${wrong.join(', ')} cannot`);
  }
};

/** EXT.121 — a compensation Start Event only starts an event sub-process. */
const compensationStartInEventSubProcess: Rule = (model, problems) => {
  for (const start of model.all('bpmn:StartEvent')) {
    if (!triggersOf(start).includes('Compensate') || isEventSubProcess(model.parentOf(start))) continue;
    problems.add(start, 'EXT.121', `${describe(start)} is a compensation start event outside an event sub-process`);
  }
};

const has = (level: ModdleElement, type: string) => flowElementsOf(level).some((e) => isA(e, type));

/** Elements that start a process without a start event: instantiating receive tasks and event gateways. */
const instantiates = (level: ModdleElement) =>
  flowElementsOf(level).some((e) => (isA(e, 'bpmn:ReceiveTask') || isA(e, 'bpmn:EventBasedGateway')) && e.instantiate === true);

/** `bpmn:EndEvent` → `end event`. */
const spoken = (type: string) => type.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Reports levels that hold a `present` event but lack a `needed` one. */
function pairedAtLevel(present: string, needed: string, rule: string, allow: (level: ModdleElement) => boolean): Rule {
  return (model: ModelIndex, problems) => {
    for (const level of levels(model)) {
      if (!has(level, present) || has(level, needed) || allow(level)) continue;
      problems.add(level, rule, `${describe(level)} has ${spoken(present)}s but no ${spoken(needed)} at the same level`);
    }
  };
}

/** Start events and what their presence requires. */
export const startEventRules: readonly Rule[] = [
  noIncoming, hasOutgoing, topLevelTrigger, compensationStartInEventSubProcess,
  // EXT.097 — where an End Event is used, a Start Event (or an instantiating receive task or gateway) is too.
  pairedAtLevel('bpmn:EndEvent', 'bpmn:StartEvent', 'EXT.097', instantiates),
  // EXT.105 — where a Start Event is used, an End Event is too.
  pairedAtLevel('bpmn:StartEvent', 'bpmn:EndEvent', 'EXT.105', () => false),
];
