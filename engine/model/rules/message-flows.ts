import type { ModdleElement } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { messageFlowsTouching, one, poolOf, triggersOf } from './kinds.js';

/** EXT.031 — a Message Flow connects two separate pools (never a pool with itself or its own nodes). */
const betweenPools: Rule = (model, problems) => {
  for (const flow of model.all('bpmn:MessageFlow')) {
    const source = one(flow.sourceRef);
    const target = one(flow.targetRef);
    if (!source || !target || !samePool(model, source, target)) continue;
    problems.add(flow, 'EXT.031', `${describe(flow)} connects ${describe(source)} and ${describe(target)} inside one pool`);
  }
};

function samePool(model: ModelIndex, a: ModdleElement, b: ModdleElement): boolean {
  if (a === b) return true;
  const pool = poolOf(model, a);
  return pool !== undefined && pool === poolOf(model, b);
}

/** Reports every `type` event at the given end of a message flow, unless `allowed` says otherwise. */
function endpointRule(type: string, end: 'sourceRef' | 'targetRef', rule: string, text: string,
  allowed: (event: ModdleElement) => boolean = () => false): Rule {
  return (model, problems) => {
    for (const event of model.all(type)) {
      if (messageFlowsTouching(model, event, end).length === 0 || allowed(event)) continue;
      problems.add(event, rule, `${describe(event)} ${text}`);
    }
  };
}

const hasMessageTrigger = (event: ModdleElement) => triggersOf(event).includes('Message');

/** Which events may send or receive message flows. */
export const messageFlowRules: readonly Rule[] = [
  betweenPools,
  // EXT.102 — a Start Event is never the source of a Message Flow.
  endpointRule('bpmn:StartEvent', 'sourceRef', 'EXT.102', 'sends a message flow; a start event cannot'),
  // EXT.103 — a Start Event that receives a Message Flow has a message trigger.
  endpointRule('bpmn:StartEvent', 'targetRef', 'EXT.103', 'receives a message flow but has no message trigger', hasMessageTrigger),
  // EXT.108 — an End Event is never the target of a Message Flow.
  endpointRule('bpmn:EndEvent', 'targetRef', 'EXT.108', 'receives a message flow; an end event cannot'),
  // EXT.109 — an End Event that sends a Message Flow has a message result.
  endpointRule('bpmn:EndEvent', 'sourceRef', 'EXT.109', 'sends a message flow but has no message result', hasMessageTrigger),
  // EXT.119 — an intermediate throw event only sends messages, a catch event only receives them.
  endpointRule('bpmn:IntermediateThrowEvent', 'targetRef', 'EXT.119', 'receives a message flow; a throw event cannot'),
  endpointRule('bpmn:IntermediateCatchEvent', 'sourceRef', 'EXT.119', 'sends a message flow; a catch event cannot'),
];
