import type { ModdleElement } from '../moddle.js';
import { listOf } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { one } from './kinds.js';
import { isDynamic, literalKind } from './syntax.js';

const activityOf = (model: ModelIndex, loop: ModdleElement) => model.parentOf(loop) ?? loop;

/**
 * EXT.068 — the loopDataInputRef of a multi-instance task resolves to a Data Input of that
 * task's own InputOutputSpecification (sub-processes may point into their scope instead).
 */
const loopInputIsTaskInput: Rule = (model, problems) => {
  for (const loop of model.all('bpmn:MultiInstanceLoopCharacteristics')) {
    const activity = activityOf(model, loop);
    const ref = one(loop.loopDataInputRef);
    if (!ref || isA(activity, 'bpmn:SubProcess')) continue;
    if (listOf(one(activity.ioSpecification)?.dataInputs).includes(ref)) continue;
    problems.add(activity, 'EXT.068', `${describe(activity)} iterates over ${describe(ref)}, which is not one of its data inputs`);
  }
};

/**
 * EXT.069 / EXT.070 — the output (input) data item of a multi-instance activity is a single
 * item of what the loop data output (input) holds: no collection, same structure.
 */
function dataItemIsScalarOf(collectionRef: string, itemRef: string, rule: string): Rule {
  return (model, problems) => {
    for (const loop of model.all('bpmn:MultiInstanceLoopCharacteristics')) {
      const item = one(one(loop[itemRef])?.itemSubjectRef);
      const collection = one(one(loop[collectionRef])?.itemSubjectRef);
      if (!item || !collection) continue;
      if (item.isCollection !== true && item.structureRef === collection.structureRef) continue;
      const activity = activityOf(model, loop);
      const found = `${item.isCollection === true ? 'a collection of ' : ''}${item.structureRef ?? '?'}`;
      problems.add(activity, rule,
        `${describe(activity)}: ${itemRef} must be one item (${collection.structureRef ?? '?'}) of ${collectionRef}, not ${found}`);
    }
  };
}

/** Reports a condition that is a plain number or string literal: it can never yield a Boolean. */
function booleanCondition(pick: (loop: ModdleElement) => ModdleElement[], what: string, rule: string): Rule {
  return (model, problems) => {
    for (const loop of model.all('bpmn:MultiInstanceLoopCharacteristics')) {
      for (const expression of pick(loop)) {
        const body = typeof expression.body === 'string' ? expression.body : '';
        const kind = isDynamic(body) ? undefined : literalKind(body);
        if (kind !== 'number' && kind !== 'string') continue;
        const activity = activityOf(model, loop);
        problems.add(activity, rule, `${describe(activity)}: the ${what} "${body.trim()}" is a ${kind}, not a Boolean`);
      }
    }
  };
}

const completion = (loop: ModdleElement) => [one(loop.completionCondition)].filter((e) => e !== undefined);
const complexConditions = (loop: ModdleElement) =>
  listOf(loop.complexBehaviorDefinition).map((d) => one(d.condition)).filter((e) => e !== undefined);

/** Constraints on multi-instance loops. */
export const loopRules: readonly Rule[] = [
  loopInputIsTaskInput,
  dataItemIsScalarOf('loopDataOutputRef', 'outputDataItem', 'EXT.069'),
  dataItemIsScalarOf('loopDataInputRef', 'inputDataItem', 'EXT.070'),
  // EXT.071 — the completionCondition of a multi-instance activity is a Boolean expression.
  booleanCondition(completion, 'completion condition', 'EXT.071'),
  // EXT.072 — the condition of a complex behaviour definition is a Boolean expression.
  booleanCondition(complexConditions, 'complex behaviour condition', 'EXT.072'),
];
