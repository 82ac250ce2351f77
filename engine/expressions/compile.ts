import { expressionError } from './problem.js';
import { looksLikeJuel, syntaxProblem } from './syntax.js';
import type { CompiledExpression, ExpressionSite, FeelExpression, StaticValue } from './types.js';

/**
 * Compiles text that is always an expression (`conditionExpression`, loop and completion
 * conditions, scripts): a leading `=` is optional. Refuses JUEL and FEEL syntax errors with
 * the element id and attribute, so a broken model fails at deploy, not mid-case.
 * Pure; the result is frozen.
 */
export function compileExpression(text: string, where: ExpressionSite): FeelExpression {
  const body = stripMarker(text);
  if (body === '') throw expressionError(where, text, 'is empty; write a FEEL expression');
  if (looksLikeJuel(body)) {
    throw expressionError(where, body, 'is JUEL/EL (${...} or #{...}); write it in FEEL instead, e.g. "=amount > 100"');
  }
  const problem = syntaxProblem(body);
  if (problem !== null) throw expressionError(where, body, `is not valid FEEL: it ${problem}`);
  return Object.freeze({ kind: 'feel', text: body, elementId: where.elementId, attribute: where.attribute });
}

/**
 * Compiles an attribute the Zeebe way: text starting with `=` is FEEL, anything else a static
 * value — a string, or a number when `expect` is `'number'` (then non-numeric text is refused).
 * Pure; the result is frozen.
 */
export function compileAttribute(
  text: string,
  where: ExpressionSite,
  expect: 'string' | 'number' = 'string',
): CompiledExpression {
  if (text.trimStart().startsWith('=')) return compileExpression(text, where);
  return Object.freeze(staticValue(text, where, expect));
}

function staticValue(text: string, where: ExpressionSite, expect: 'string' | 'number'): StaticValue {
  const site = { elementId: where.elementId, attribute: where.attribute };
  if (expect === 'string') return { kind: 'static', text, value: text, ...site };
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw expressionError(where, text, 'must be a number or a FEEL expression starting with "="');
  }
  return { kind: 'static', text, value, ...site };
}

function stripMarker(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}
