import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { one, processOf } from './kinds.js';
import { isA } from './model-index.js';

/**
 * EXT.028 — a Sequence Flow does not cross the border of a pool (its ends lie in its own process);
 * EXT.152 — nor the border of a sub-process (its ends lie on the level that holds the flow).
 */
const flowStaysOnItsLevel: Rule = (model, problems) => {
  for (const flow of model.all('bpmn:SequenceFlow')) {
    const level = model.parentOf(flow);
    for (const end of [one(flow.sourceRef), one(flow.targetRef)]) {
      if (!end || !isA(end, 'bpmn:FlowNode') || model.parentOf(end) === level) continue;
      const otherPool = processOf(model, end) !== processOf(model, flow);
      problems.add(flow, otherPool ? 'EXT.028' : 'EXT.152',
        `${describe(flow)} reaches ${describe(end)} across the border of ${otherPool ? 'its pool' : `${describe(level)}`}`);
    }
  }
};

/** Sequence flows stay inside the level that holds them. */
export const flowBorderRules: readonly Rule[] = [flowStaysOnItsLevel];
