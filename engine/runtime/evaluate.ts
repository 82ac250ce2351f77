import type { CompiledExpression } from '../expressions/index.js';
import { evaluate, evaluateCondition } from '../expressions/index.js';
import { EngineError } from '../errors.js';
import type { Tx } from './tx.js';
import { visibleVariables } from './variables.js';

/** Evaluates an expression in an item's variable scope, at the step's time. */
export function valueIn(tx: Tx, key: string, expression: CompiledExpression, extra?: Record<string, unknown>): unknown {
  const variables = { ...visibleVariables(tx, key), ...extra };
  return evaluate(expression, variables, { now: tx.ctx.now, timeZone: tx.ctx.zone.id });
}

export function conditionIn(tx: Tx, key: string, expression: CompiledExpression, extra?: Record<string, unknown>): boolean {
  const variables = { ...visibleVariables(tx, key), ...extra };
  return evaluateCondition(expression, variables, { now: tx.ctx.now, timeZone: tx.ctx.zone.id });
}

/**
 * Runs work that may fail on bad data (an expression, a timer); a failure becomes an
 * incident on the item, where an operator can see and fix it, instead of a crash.
 */
export function guarded<T>(tx: Tx, key: string, work: () => T): T | undefined {
  try {
    return work();
  } catch (err) {
    const code = err instanceof EngineError ? err.code : 'RUNTIME_FAILURE';
    const message = err instanceof Error ? err.message : String(err);
    tx.emit({ t: 'incident', key, code, message });
    return undefined;
  }
}

export function stringsOf(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(',').map((s) => s.trim()).filter((s) => s !== '');
}
