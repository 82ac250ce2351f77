import { evaluate } from './evaluate.js';
import type { Variables } from './evaluate.js';
import { describeValue, expressionError } from './problem.js';
import type { CompiledExpression, EvaluationContext } from './types.js';

/**
 * Evaluates a condition (sequence flow, loop, completion). Pure.
 * `true` takes the flow; `false` and `null` do not. Null counts as false because FEEL gives
 * null for "unknown" (a missing variable, `contains(null, "a")`) and a flow whose condition
 * cannot be known should not be taken; an exclusive gateway then falls to its default flow.
 * (Zeebe raises an incident on null; we deliberately do not.) Any other value — a number, a
 * string, a list — is a modelling mistake, so it throws `ExpressionError` and the runtime
 * raises an incident, as Zeebe does.
 */
export function evaluateCondition(compiled: CompiledExpression, variables: Variables, ctx: EvaluationContext): boolean {
  const value = evaluate(compiled, variables, ctx);
  if (value === true) return true;
  if (value === false || value === null) return false;
  throw expressionError(compiled, compiled.text, `must give true or false, but gave ${describeValue(value)}`);
}

/**
 * Evaluates a multi-instance input collection. Pure.
 * Throws `ExpressionError` unless the value is a list (null included: no list, no instances).
 */
export function evaluateCollection(compiled: CompiledExpression, variables: Variables, ctx: EvaluationContext): unknown[] {
  const value = evaluate(compiled, variables, ctx);
  if (Array.isArray(value)) return value;
  throw expressionError(compiled, compiled.text, `must give a list, but gave ${describeValue(value)}`);
}

/**
 * Evaluates a whole number such as `loopCardinality` or `loopMaximum`. Pure.
 * Throws `ExpressionError` unless the value is an integer; the range (e.g. not negative) is
 * the caller's rule, since it differs per attribute.
 */
export function evaluateInteger(compiled: CompiledExpression, variables: Variables, ctx: EvaluationContext): number {
  const value = evaluate(compiled, variables, ctx);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw expressionError(compiled, compiled.text, `must give a whole number, but gave ${describeValue(value)}`);
}
