import { EngineError } from '../errors.js';

/**
 * Variables cross into history and snapshots as JSON: refuse anything that would not come
 * back the same (functions, symbols, undefined, cycles, non-finite numbers, class instances).
 */
export function checkVariables(variables: unknown, what = 'variables'): Record<string, unknown> {
  if (variables === undefined || variables === null) return {};
  if (!isPlainObject(variables)) throw invalid(what, `${what} must be a JSON object of name -> value`);
  for (const [name, value] of Object.entries(variables)) checkValue(value, `${what}.${name}`, new Set());
  return variables as Record<string, unknown>;
}

function checkValue(value: unknown, path: string, seen: Set<object>): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(path, `${path} is ${value}; numbers must be finite`);
    return;
  }
  if (typeof value !== 'object') throw invalid(path, `${path} is a ${typeof value}; only JSON values can be stored`);
  if (seen.has(value)) throw invalid(path, `${path} refers back to itself; variables cannot be cyclic`);
  if (!Array.isArray(value) && !isPlainObject(value)) throw invalid(path, `${path} is a ${value.constructor?.name ?? 'object'}; use plain objects, arrays and ISO strings for dates`);
  seen.add(value);
  for (const [name, inner] of Object.entries(value)) checkValue(inner, `${path}.${name}`, seen);
  seen.delete(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function invalid(field: string, message: string): EngineError {
  return new EngineError('VARIABLES_INVALID', message, { field });
}
