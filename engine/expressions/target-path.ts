import { expressionError } from './problem.js';
import type { ExpressionSite } from './types.js';

/** Names that would reach an object's prototype instead of a variable. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Splits a mapping target `a.b.c` into its names. Pure.
 * Refuses empty names, names with spaces and prototype keys, naming the element and attribute.
 */
export function parseTargetPath(target: string, where: ExpressionSite): readonly string[] {
  const names = target.trim().split('.');
  for (const name of names) {
    if (name === '' || /\s/.test(name) || FORBIDDEN.has(name)) {
      throw expressionError(where, target, `is not a variable name or path like "order.total" ("${name}")`);
    }
  }
  return Object.freeze(names);
}

/**
 * Returns `base` with `value` placed at `path`, building the objects on the way and merging
 * into objects already there (a non-object in the way is replaced). Pure: copies, never mutates.
 */
export function putAtPath(base: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const object = isPlainObject(base) ? base : {};
  return { ...object, [head]: putAtPath(object[head], rest, value) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
