import { listOf } from '../moddle.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { identified, one } from './kinds.js';

/**
 * EXT.080 — a Data Input is filled from the outside of its activity or process: it is a target
 * of Data Input Associations only, never of a Data Output Association writing results back.
 */
const outputNeverIntoInput: Rule = (model, problems) => {
  for (const association of model.all('bpmn:DataOutputAssociation')) {
    const target = one(association.targetRef);
    if (!isA(target, 'bpmn:DataInput')) continue;
    problems.add(identified(model, association), 'EXT.080',
      `${describe(association)} writes into ${describe(target)}, which is a data input`);
  }
};

/** EXT.092 — a Data Association without a transformation has a single source. */
const singleSourceWithoutTransformation: Rule = (model, problems) => {
  for (const association of model.all('bpmn:DataAssociation')) {
    const sources = listOf(association.sourceRef).length;
    if (sources <= 1 || one(association.transformation)) continue;
    problems.add(identified(model, association), 'EXT.092',
      `${describe(association)} has ${sources} sources but no transformation to combine them`);
  }
};

/** Constraints on data associations. */
export const dataAssociationRules: readonly Rule[] = [outputNeverIntoInput, singleSourceWithoutTransformation];
