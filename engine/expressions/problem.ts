import { ExpressionError } from '../errors.js';
import type { ExpressionSite } from './types.js';

/**
 * Builds the one error this layer throws, worded "what is wrong, and where".
 * Pure.
 */
export function expressionError(site: ExpressionSite, text: string, problem: string): ExpressionError {
  return new ExpressionError(`${site.attribute} of element "${site.elementId}" ${problem} (expression: ${text})`, {
    expression: text,
    elementId: site.elementId,
    attribute: site.attribute,
  });
}

/** Names a value's type for a message, the way a modeler author would say it. Pure. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a context';
  return `${typeof value} ${JSON.stringify(value)}`;
}
