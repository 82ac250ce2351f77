import type { ModdleElement } from '../moddle.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { incomingOf, outgoingOf, triggersOf, triggersOutside } from './kinds.js';

const CATCH = 'bpmn:IntermediateCatchEvent';
const THROW = 'bpmn:IntermediateThrowEvent';
const isLink = (event: ModdleElement) => triggersOf(event).includes('Link');

/**
 * Reports intermediate events of `type` that lack flows in the `flows` direction (when `must`)
 * or have them (when not). `skip` spares the events the constraint does not speak of.
 */
function flowSide(type: string, flows: 'incoming' | 'outgoing', must: boolean, rule: string, skip: (e: ModdleElement) => boolean): Rule {
  const list = flows === 'incoming' ? incomingOf : outgoingOf;
  return (model, problems) => {
    for (const event of model.all(type)) {
      if (skip(event) || (list(event).length > 0) === must) continue;
      problems.add(event, rule, `${describe(event)} ${must ? 'needs' : 'may not have'} an ${flows} sequence flow`);
    }
  };
}

const notLink = (e: ModdleElement) => !isLink(e);
const never = () => false;

const catchTriggers = ['Message', 'Timer', 'Conditional', 'Link', 'Signal'];
const throwTriggers = ['Message', 'Escalation', 'Compensate', 'Link', 'Signal'];

/** EXT.148 — an intermediate catch event has a trigger, and only message, timer, conditional, link or signal. */
const catchTrigger: Rule = (model, problems) => {
  for (const event of model.all(CATCH)) {
    const wrong = triggersOutside(event, catchTriggers);
    if (triggersOf(event).length === 0) problems.add(event, 'EXT.148', `${describe(event)} catches nothing: it has no trigger`);
    else if (wrong.length > 0) problems.add(event, 'EXT.148', `${describe(event)} cannot catch ${wrong.join(', ')}`);
  }
};

/** EXT.149 — an intermediate throw event is none, message, escalation, compensation, link or signal. */
const throwResult: Rule = (model, problems) => {
  for (const event of model.all(THROW)) {
    const wrong = triggersOutside(event, throwTriggers);
    if (wrong.length > 0) problems.add(event, 'EXT.149', `${describe(event)} cannot throw ${wrong.join(', ')}`);
  }
};

/** EXT.122 — an intermediate catch event in the normal flow does not catch compensation. */
const noCompensationCatch: Rule = (model, problems) => {
  for (const event of model.all(CATCH).filter((e) => triggersOf(e).includes('Compensate'))) {
    problems.add(event, 'EXT.122', `${describe(event)} catches compensation; only boundary events and event sub-processes can`);
  }
};

/** Flows around intermediate events and what they may catch or throw. */
export const intermediateEventRules: readonly Rule[] = [
  // EXT.115 — an intermediate event is the target of a sequence flow (a link catch event excepted).
  flowSide(THROW, 'incoming', true, 'EXT.115', never),
  flowSide(CATCH, 'incoming', true, 'EXT.115', isLink),
  // EXT.116 — an intermediate event is the source of a sequence flow (a link throw event excepted).
  flowSide(CATCH, 'outgoing', true, 'EXT.116', never),
  flowSide(THROW, 'outgoing', true, 'EXT.116', isLink),
  // EXT.117 — a link event is a target (throw) or a source (catch) of sequence flow, never both.
  flowSide(THROW, 'outgoing', false, 'EXT.117', notLink),
  flowSide(CATCH, 'incoming', false, 'EXT.117', notLink),
  catchTrigger, throwResult, noCompensationCatch,
];
