import type { ModdleElement } from '../moddle.js';
import { listOf } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { flowElementsOf, one } from './kinds.js';

const linksOf = (model: ModelIndex, eventType: string) =>
  model.all('bpmn:LinkEventDefinition').filter((d) => isA(model.parentOf(d), eventType));

/** The event a link definition sits on: the element an author finds on the canvas. */
const eventOf = (model: ModelIndex, definition: ModdleElement) => model.parentOf(definition) ?? definition;

/** EXT.118 — a source link's target names it among its sources, and a target's sources name it as target. */
const pairedLinks: Rule = (model, problems) => {
  for (const source of linksOf(model, 'bpmn:IntermediateThrowEvent')) {
    const target = one(source.target);
    if (!isA(target, 'bpmn:LinkEventDefinition') || listOf(target?.source).includes(source)) continue;
    problems.add(eventOf(model, source), 'EXT.118', `${describe(eventOf(model, source))} jumps to a link that does not list it as a source`);
  }
  for (const target of linksOf(model, 'bpmn:IntermediateCatchEvent')) {
    for (const source of listOf(target.source).filter((s) => isA(s, 'bpmn:LinkEventDefinition') && one(s.target) !== target)) {
      const event = eventOf(model, target);
      problems.add(event, 'EXT.118', `${describe(event)} lists ${describe(eventOf(model, source))} as a source, which jumps elsewhere`);
    }
  }
};

/**
 * EXT.125 — a throwing link has exactly one target. Models that pair links by name (as most
 * tools write them) name it by a catching link of the same name on the same level instead.
 */
const throwHasTarget: Rule = (model, problems) => {
  for (const source of linksOf(model, 'bpmn:IntermediateThrowEvent')) {
    if (one(source.target) || namedTargets(model, source) === 1) continue;
    problems.add(eventOf(model, source), 'EXT.125', `${describe(eventOf(model, source))} has no single link target to jump to`);
  }
};

function namedTargets(model: ModelIndex, source: ModdleElement): number {
  const level = model.parentOf(eventOf(model, source));
  if (!level || typeof source.name !== 'string') return 0;
  return flowElementsOf(level)
    .filter((e) => isA(e, 'bpmn:IntermediateCatchEvent'))
    .flatMap((e) => listOf(e.eventDefinitions))
    .filter((d) => isA(d, 'bpmn:LinkEventDefinition') && d.name === source.name).length;
}

/** How link events pair up. */
export const linkRules: readonly Rule[] = [pairedLinks, throwHasTarget];
