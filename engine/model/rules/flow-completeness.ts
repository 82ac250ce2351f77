import type { ModdleElement } from '../moddle.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { flowElementsOf, incomingOf, isEventSubProcess, levels, outgoingOf, triggersOf } from './kinds.js';

const isLinkEvent = (node: ModdleElement, type: string) => isA(node, type) && triggersOf(node).includes('Link');

/**
 * The nodes of a level that take part in its normal flow: activities, gateways and intermediate
 * events. Compensation handlers and event sub-processes are started by events, not by flow.
 */
function inNormalFlow(node: ModdleElement): boolean {
  if (isA(node, 'bpmn:Activity')) return node.isForCompensation !== true && !isEventSubProcess(node);
  return ['bpmn:Gateway', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent'].some((t) => isA(node, t));
}

/** Reports normal-flow nodes of levels holding a `marker` event that have no flow on `side`. */
function everyNodeConnected(marker: string, side: 'incoming' | 'outgoing', rule: string, exempt: (n: ModdleElement) => boolean): Rule {
  const flows = side === 'incoming' ? incomingOf : outgoingOf;
  return (model, problems) => {
    for (const level of levels(model)) {
      const nodes = flowElementsOf(level);
      if (!nodes.some((n) => isA(n, marker))) continue;
      for (const node of nodes.filter((n) => inNormalFlow(n) && !exempt(n) && flows(n).length === 0)) {
        const what = marker === 'bpmn:StartEvent' ? 'a start event begins' : 'end events close';
        problems.add(node, rule, `${describe(node)} has no ${side} sequence flow, though ${what} ${describe(level)}`);
      }
    }
  };
}

/** Whether start and end events leave nodes dangling. */
export const flowCompletenessRules: readonly Rule[] = [
  // EXT.150 — where a start event begins a level, every flow node of it has an incoming flow (link catch events excepted).
  everyNodeConnected('bpmn:StartEvent', 'incoming', 'EXT.150', (n) => isLinkEvent(n, 'bpmn:IntermediateCatchEvent')),
  // EXT.151 — where end events are used, every flow node of the level has an outgoing flow (link throw events excepted).
  everyNodeConnected('bpmn:EndEvent', 'outgoing', 'EXT.151', (n) => isLinkEvent(n, 'bpmn:IntermediateThrowEvent')),
];
