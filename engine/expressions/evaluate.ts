import { evaluate as evaluateFeel } from 'feelin';
import type { Warning } from 'feelin';
import { scopeWithClock } from './clock.js';
import { toPlainData, UnrepresentableValue } from './plain-data.js';
import { expressionError } from './problem.js';
import { FEEL_DIALECT } from './syntax.js';
import type { CompiledExpression, Evaluation, EvaluationContext, ExpressionWarning, FeelExpression } from './types.js';

/** Process variables as the engine stores them: plain JSON data. */
export type Variables = Readonly<Record<string, unknown>>;

/**
 * Evaluates a compiled expression and keeps feelin's warnings (an unknown variable is null
 * in FEEL, with a warning saying which). Pure and deterministic: the only time it knows is
 * `ctx.now`. The value is plain JSON data (see `toPlainData`). Input variables that hold ISO
 * strings stay strings inside FEEL; compare them as temporals with `date(x)` or
 * `date and time(x)`, as in Zeebe, where JSON variables carry no temporal type either.
 * Throws `ExpressionError` when evaluation fails or the result is not data (a function).
 */
export function evaluateWithWarnings(compiled: CompiledExpression, variables: Variables, ctx: EvaluationContext): Evaluation {
  if (compiled.kind === 'static') return { value: compiled.value, warnings: [] };
  if (!Number.isFinite(ctx.now)) {
    throw expressionError(compiled, compiled.text, 'cannot be evaluated: ctx.now must be epoch milliseconds');
  }
  const result = runFeel(compiled, variables, ctx);
  return { value: plainResult(compiled, result.value), warnings: result.warnings.map(toExpressionWarning) };
}

/** {@link evaluateWithWarnings} without the warnings. Pure. */
export function evaluate(compiled: CompiledExpression, variables: Variables, ctx: EvaluationContext): unknown {
  return evaluateWithWarnings(compiled, variables, ctx).value;
}

/**
 * Evaluates a `zeebe:script` body; the caller stores the value under its `resultVariable`.
 * Pure. The same as {@link evaluate}: a Zeebe script task is one FEEL expression.
 */
export function evaluateScript(compiled: CompiledExpression, variables: Variables, ctx: EvaluationContext): unknown {
  return evaluate(compiled, variables, ctx);
}

function runFeel(compiled: FeelExpression, variables: Variables, ctx: EvaluationContext) {
  try {
    return evaluateFeel(compiled.text, scopeWithClock(variables, ctx), FEEL_DIALECT);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw expressionError(compiled, compiled.text, `failed to evaluate: ${reason}`);
  }
}

function plainResult(compiled: FeelExpression, value: unknown): unknown {
  try {
    return toPlainData(value);
  } catch (err) {
    if (err instanceof UnrepresentableValue) throw expressionError(compiled, compiled.text, err.message);
    throw err;
  }
}

function toExpressionWarning(warning: Warning): ExpressionWarning {
  const { from, to } = warning.position;
  return { type: warning.type, message: warning.message, position: { from, to } };
}
