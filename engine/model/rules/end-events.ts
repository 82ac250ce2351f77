import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { hasAncestor, incomingOf, outgoingOf, triggersOf, triggersOutside } from './kinds.js';

/** EXT.104 — an End Event has no outgoing Sequence Flow. */
const noOutgoing: Rule = (model, problems) => {
  for (const end of model.all('bpmn:EndEvent')) {
    if (outgoingOf(end).length > 0) problems.add(end, 'EXT.104', `${describe(end)} has an outgoing sequence flow`);
  }
};

/** EXT.107 — an End Event has at least one incoming Sequence Flow. */
const hasIncoming: Rule = (model, problems) => {
  for (const end of model.all('bpmn:EndEvent')) {
    if (incomingOf(end).length === 0) problems.add(end, 'EXT.107', `${describe(end)} has no incoming sequence flow`);
  }
};

/** EXT.106 — a cancel End Event is only used inside a Transaction. */
const cancelInsideTransaction: Rule = (model, problems) => {
  for (const end of model.all('bpmn:EndEvent')) {
    if (!triggersOf(end).includes('Cancel') || hasAncestor(model, end, 'bpmn:Transaction')) continue;
    problems.add(end, 'EXT.106', `${describe(end)} cancels, but is not inside a transaction`);
  }
};

const endResults = ['Message', 'Escalation', 'Error', 'Cancel', 'Compensate', 'Signal', 'Terminate'];

/** EXT.146 — an End Event's result is none, message, escalation, error, cancel, compensation, signal or terminate. */
const endResult: Rule = (model, problems) => {
  for (const end of model.all('bpmn:EndEvent')) {
    const wrong = triggersOutside(end, endResults);
    if (wrong.length > 0) problems.add(end, 'EXT.146', `${describe(end)} cannot end with ${wrong.join(', ')}`);
  }
};

/** End events. */
export const endEventRules: readonly Rule[] = [noOutgoing, hasIncoming, cancelInsideTransaction, endResult];
