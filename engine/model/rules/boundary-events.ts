import type { ModdleElement } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe, report } from './rule.js';
import { incomingOf, one, outgoingOf, triggersOf, triggersOutside } from './kinds.js';

const boundaries = (model: ModelIndex) => model.all('bpmn:BoundaryEvent');
const compensates = (event: ModdleElement) => triggersOf(event).includes('Compensate');

const interruptingTriggers = ['Message', 'Timer', 'Escalation', 'Conditional', 'Error', 'Cancel', 'Compensate', 'Signal'];
const nonInterruptingTriggers = ['Message', 'Timer', 'Escalation', 'Conditional', 'Signal'];

/**
 * EXT.110 — a boundary event has a trigger; an interrupting one never link or terminate, a
 * non-interrupting one not error, cancel or compensation either. EXT.130 states again that a
 * boundary event without trigger is not allowed.
 */
const boundaryTrigger: Rule = (model, problems) => {
  for (const event of boundaries(model)) {
    if (triggersOf(event).length === 0) {
      report(problems, event, ['EXT.110', 'EXT.130'], `${describe(event)} is a boundary event without a trigger`);
      continue;
    }
    const interrupting = event.cancelActivity !== false;
    const wrong = triggersOutside(event, interrupting ? interruptingTriggers : nonInterruptingTriggers);
    if (wrong.length > 0) {
      problems.add(event, 'EXT.110', `${describe(event)} is ${interrupting ? '' : 'non-'}interrupting and cannot catch ${wrong.join(', ')}`);
    }
  }
};

/** EXT.111 — a cancel boundary event is attached to a Transaction. EXT.120 states it again. */
const cancelOnTransaction: Rule = (model, problems) => {
  for (const event of boundaries(model).filter((e) => triggersOf(e).includes('Cancel'))) {
    const host = one(event.attachedToRef);
    if (isA(host, 'bpmn:Transaction')) continue;
    report(problems, event, ['EXT.111', 'EXT.120'], `${describe(event)} catches cancel but sits on ${describe(host)}, not on a transaction`);
  }
};

/** EXT.112 — a boundary event is never the target of a Sequence Flow. */
const noIncoming: Rule = (model, problems) => {
  for (const event of boundaries(model).filter((e) => incomingOf(e).length > 0)) {
    problems.add(event, 'EXT.112', `${describe(event)} is a boundary event with an incoming sequence flow`);
  }
};

/** EXT.113 — a boundary event is the source of a Sequence Flow, unless it catches compensation. */
const hasOutgoing: Rule = (model, problems) => {
  for (const event of boundaries(model).filter((e) => outgoingOf(e).length === 0 && !compensates(e))) {
    problems.add(event, 'EXT.113', `${describe(event)} is a boundary event with no outgoing sequence flow`);
  }
};

/** EXT.114 — a compensation boundary event has no outgoing Sequence Flow. */
const compensationHasNoOutgoing: Rule = (model, problems) => {
  for (const event of boundaries(model).filter((e) => compensates(e) && outgoingOf(e).length > 0)) {
    problems.add(event, 'EXT.114', `${describe(event)} catches compensation yet has an outgoing sequence flow`);
  }
};

/**
 * EXT.143 — a compensation boundary event is associated with its compensation activity, and
 * EXT.144 — that activity is marked isForCompensation.
 */
const compensationHandler: Rule = (model, problems) => {
  for (const event of boundaries(model).filter(compensates)) {
    const handlers = model.all('bpmn:Association').filter((a) => a.sourceRef === event).map((a) => one(a.targetRef));
    if (handlers.length === 0) problems.add(event, 'EXT.143', `${describe(event)} has no association to a compensation activity`);
    for (const handler of handlers.filter((h) => !isA(h, 'bpmn:Activity') || h?.isForCompensation !== true)) {
      problems.add(event, 'EXT.144',
        `${describe(event)} is associated with ${describe(handler)}, which is no activity marked for compensation`);
    }
  }
};

/** Events attached to activity boundaries. */
export const boundaryEventRules: readonly Rule[] = [
  boundaryTrigger, cancelOnTransaction, noIncoming, hasOutgoing, compensationHasNoOutgoing, compensationHandler,
];
