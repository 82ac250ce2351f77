import type { ModdleElement } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe, report } from './rule.js';
import { flowElementsOf, incomingOf, isEventSubProcess, outgoingOf, triggersOf, triggersOutside } from './kinds.js';

const eventSubProcesses = (model: ModelIndex) => model.all('bpmn:SubProcess').filter(isEventSubProcess);
const startsOf = (container: ModdleElement) => flowElementsOf(container).filter((e) => isA(e, 'bpmn:StartEvent'));

/** EXT.057 — an Event Sub-Process has no incoming or outgoing Sequence Flow. */
const eventSubProcessUnconnected: Rule = (model, problems) => {
  for (const sub of eventSubProcesses(model)) {
    if (incomingOf(sub).length + outgoingOf(sub).length === 0) continue;
    problems.add(sub, 'EXT.057', `${describe(sub)} is an event sub-process but has sequence flows`);
  }
};

/** EXT.058 — an Event Sub-Process has exactly one Start Event. */
const eventSubProcessOneStart: Rule = (model, problems) => {
  for (const sub of eventSubProcesses(model)) {
    const n = startsOf(sub).length;
    if (n !== 1) problems.add(sub, 'EXT.058', `${describe(sub)} is an event sub-process with ${n} start events, not one`);
  }
};

const interruptingTriggers = ['Message', 'Error', 'Escalation', 'Compensate', 'Conditional', 'Signal', 'Timer'];
const nonInterruptingTriggers = ['Message', 'Escalation', 'Conditional', 'Signal', 'Timer'];

/**
 * EXT.059 — the start event of an Event Sub-Process has a trigger: message, error, escalation,
 * compensation, conditional, signal or timer; a non-interrupting one neither error nor compensation.
 * EXT.129 states the "has a trigger" half again.
 */
const eventSubProcessStartTrigger: Rule = (model, problems) => {
  for (const start of eventSubProcesses(model).flatMap(startsOf)) {
    if (triggersOf(start).length === 0) {
      report(problems, start, ['EXT.059', 'EXT.129'], `${describe(start)} starts an event sub-process but has no trigger`);
      continue;
    }
    const wrong = triggersOutside(start, start.isInterrupting === false ? nonInterruptingTriggers : interruptingTriggers);
    if (wrong.length > 0) problems.add(start, 'EXT.059', `${describe(start)} may not be triggered by ${wrong.join(', ')} here`);
  }
};

/** EXT.061 — an Ad-Hoc Sub-Process contains at least one Activity. */
const adHocHasActivity: Rule = (model, problems) => {
  for (const sub of model.all('bpmn:AdHocSubProcess')) {
    if (!flowElementsOf(sub).some((e) => isA(e, 'bpmn:Activity'))) {
      problems.add(sub, 'EXT.061', `${describe(sub)} is an ad-hoc sub-process without any activity`);
    }
  }
};

/** EXT.062 — an Ad-Hoc Sub-Process holds no start or end events and no choreography activities. */
const adHocForbidden: Rule = (model, problems) => {
  const forbidden = ['bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:ChoreographyActivity'];
  for (const sub of model.all('bpmn:AdHocSubProcess')) {
    for (const element of flowElementsOf(sub).filter((e) => forbidden.some((t) => isA(e, t)))) {
      problems.add(element.id ? element : sub, 'EXT.062', `${describe(element)} cannot be used inside the ad-hoc ${describe(sub)}`);
    }
  }
};

/** EXT.100 — the start event of an ordinary Sub-Process (or Transaction) has no trigger. */
const subProcessStartIsNone: Rule = (model, problems) => {
  const ordinary = model.all('bpmn:SubProcess').filter((s) => !isEventSubProcess(s));
  for (const start of ordinary.flatMap(startsOf)) {
    if (triggersOf(start).length > 0) problems.add(start, 'EXT.100', `${describe(start)} starts a sub-process, so it takes no trigger`);
  }
};

/** Constraints on sub-processes: event, ad-hoc and ordinary ones. */
export const subProcessRules: readonly Rule[] = [
  eventSubProcessUnconnected, eventSubProcessOneStart, eventSubProcessStartTrigger, adHocHasActivity, adHocForbidden,
  subProcessStartIsNone,
];
