import type { ModdleElement } from '../moddle.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { flowsTouching, incomingOf, isEventSubProcess, one, outgoingOf, processOf } from './kinds.js';

const canConnect = (node: ModdleElement) =>
  ['bpmn:Activity', 'bpmn:Gateway', 'bpmn:Event'].some((t) => isA(node, t)) && !isEventSubProcess(node);

/**
 * EXT.021 / EXT.022 — in a process, only activities, gateways and events are the source (target)
 * of a sequence flow, and never an event sub-process. Ends that are no flow node at all are
 * left to the reference and artifact rules.
 */
function connectableEnd(end: 'sourceRef' | 'targetRef', rule: string): Rule {
  return (model, problems) => {
    for (const flow of model.all('bpmn:SequenceFlow').filter((f) => processOf(model, f))) {
      const node = one(flow[end]);
      if (!isA(node, 'bpmn:FlowNode') || (node && canConnect(node))) continue;
      const role = end === 'sourceRef' ? 'source' : 'target';
      problems.add(flow, rule, `${describe(flow)} has ${describe(node)} as its ${role}, which cannot be one`);
    }
  };
}

/** EXT.023 — the source lists the flow as outgoing and the target lists it as incoming. */
const endsListTheFlow: Rule = (model, problems) => {
  for (const flow of model.all('bpmn:SequenceFlow')) {
    const source = one(flow.sourceRef);
    const target = one(flow.targetRef);
    if (isA(source, 'bpmn:FlowNode') && source && !outgoingOf(source).includes(flow)) {
      problems.add(flow, 'EXT.023', `${describe(source)} does not list ${describe(flow)} among its outgoing flows`);
    }
    if (isA(target, 'bpmn:FlowNode') && target && !incomingOf(target).includes(flow)) {
      problems.add(flow, 'EXT.023', `${describe(target)} does not list ${describe(flow)} among its incoming flows`);
    }
  }
};

/** EXT.025 — a conditional sequence flow leaving an activity is never that activity's only outgoing flow. */
const conditionalNotAlone: Rule = (model, problems) => {
  for (const flow of model.all('bpmn:SequenceFlow').filter((f) => one(f.conditionExpression))) {
    const source = one(flow.sourceRef);
    if (!source || !isA(source, 'bpmn:Activity')) continue;
    const leaving = new Set([...outgoingOf(source), ...flowsTouching(model, source, 'sourceRef')]);
    if (leaving.size > 1) continue;
    problems.add(flow, 'EXT.025', `${describe(flow)} is the only flow out of ${describe(source)}, so it may not carry a condition`);
  }
};

/** EXT.026 — the default flow of an activity or gateway leaves that very element. */
const defaultLeavesOwner: Rule = (model, problems) => {
  for (const owner of [...model.all('bpmn:Activity'), ...model.all('bpmn:Gateway')]) {
    const flow = one(owner.default);
    if (!flow || !isA(flow, 'bpmn:SequenceFlow') || flow.sourceRef === owner) continue;
    problems.add(owner, 'EXT.026',
      `${describe(owner)} names ${describe(flow)} as its default, but that flow leaves ${describe(one(flow.sourceRef))}`);
  }
};

/** Which elements sequence flows may connect, and how both ends record them. */
export const sequenceFlowRules: readonly Rule[] = [
  connectableEnd('sourceRef', 'EXT.021'), connectableEnd('targetRef', 'EXT.022'), endsListTheFlow, conditionalNotAlone,
  defaultLeavesOwner,
];
