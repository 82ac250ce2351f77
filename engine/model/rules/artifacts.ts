import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { isA } from './model-index.js';
import { one } from './kinds.js';

/** Reports flows of `flowType` whose `end` is an Artifact (Association, Group, Text Annotation). */
function noArtifactAt(flowType: string, end: 'sourceRef' | 'targetRef', rule: string): Rule {
  const role = end === 'sourceRef' ? 'source' : 'target';
  return (model, problems) => {
    for (const flow of model.all(flowType)) {
      const node = one(flow[end]);
      if (!isA(node, 'bpmn:Artifact')) continue;
      problems.add(flow, rule, `${describe(flow)} has ${describe(node)} as its ${role}; an artifact cannot be one`);
    }
  };
}

/** Artifacts annotate a diagram; they never take part in sequence or message flow. */
export const artifactRules: readonly Rule[] = [
  // EXT.006 — an Artifact is never the target of a Sequence Flow.
  noArtifactAt('bpmn:SequenceFlow', 'targetRef', 'EXT.006'),
  // EXT.007 — an Artifact is never the source of a Sequence Flow.
  noArtifactAt('bpmn:SequenceFlow', 'sourceRef', 'EXT.007'),
  // EXT.008 — an Artifact is never the target of a Message Flow.
  noArtifactAt('bpmn:MessageFlow', 'targetRef', 'EXT.008'),
  // EXT.009 — an Artifact is never the source of a Message Flow.
  noArtifactAt('bpmn:MessageFlow', 'sourceRef', 'EXT.009'),
];
