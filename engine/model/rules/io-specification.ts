import type { ModdleElement } from '../moddle.js';
import { listOf } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { identified } from './kinds.js';

/** The element an ioSpecification belongs to (a task, a process); specifications rarely have ids. */
const ownerOf = (model: ModelIndex, spec: ModdleElement) => model.parentOf(spec) ?? spec;

/** Reports every data input (output) of a specification that none of its sets lists. */
function everyItemInASet(items: string, sets: string, refs: string, rule: string): Rule {
  return (model, problems) => {
    for (const spec of model.all('bpmn:InputOutputSpecification')) {
      const listed = new Set(listOf(spec[sets]).flatMap((set) => listOf(set[refs])));
      for (const item of listOf(spec[items]).filter((i) => !listed.has(i))) {
        problems.add(item, rule, `${describe(item)} of ${describe(ownerOf(model, spec))} is in no ${sets.replace(/s$/, '')}`);
      }
    }
  };
}

/** Reports every set whose `subset` references are not all among its `refs`. */
function subsetOfRefs(setType: string, subset: string, refs: string, rule: string): Rule {
  return (model, problems) => {
    for (const set of model.all(setType)) {
      const listed = listOf(set[refs]);
      for (const item of listOf(set[subset]).filter((i) => !listed.includes(i))) {
        const owner = ownerOf(model, model.parentOf(set) ?? set);
        problems.add(identified(model, set), rule, `${describe(item)} is in ${subset} of a set of ${describe(owner)} but not in its ${refs}`);
      }
    }
  };
}

/** How data inputs and outputs are grouped into input and output sets. */
export const ioSpecificationRules: readonly Rule[] = [
  // EXT.084 — every Data Input is referenced by at least one Input Set.
  everyItemInASet('dataInputs', 'inputSets', 'dataInputRefs', 'EXT.084'),
  // EXT.085 — an optional input of an Input Set is one of its data inputs.
  subsetOfRefs('bpmn:InputSet', 'optionalInputRefs', 'dataInputRefs', 'EXT.085'),
  // EXT.086 — a while-executing input of an Input Set is one of its data inputs.
  subsetOfRefs('bpmn:InputSet', 'whileExecutingInputRefs', 'dataInputRefs', 'EXT.086'),
  // EXT.088 — every Data Output is referenced by at least one Output Set.
  everyItemInASet('dataOutputs', 'outputSets', 'dataOutputRefs', 'EXT.088'),
  // EXT.089 — an optional output of an Output Set is one of its data outputs.
  subsetOfRefs('bpmn:OutputSet', 'optionalOutputRefs', 'dataOutputRefs', 'EXT.089'),
  // EXT.090 — a while-executing output of an Output Set is one of its data outputs.
  subsetOfRefs('bpmn:OutputSet', 'whileExecutingOutputRefs', 'dataOutputRefs', 'EXT.090'),
];
