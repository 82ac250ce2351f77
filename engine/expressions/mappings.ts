import { compileAttribute } from './compile.js';
import { evaluate } from './evaluate.js';
import type { Variables } from './evaluate.js';
import { parseTargetPath, putAtPath } from './target-path.js';
import type { CompiledExpression, EvaluationContext, ExpressionSite } from './types.js';

/** A `zeebe:input` or `zeebe:output` as written in the model. */
export interface Mapping {
  source: string;
  target: string;
}

/** A mapping checked at deploy time: a compiled source and the target split into names. */
export interface CompiledMapping {
  readonly source: CompiledExpression;
  readonly target: readonly string[];
}

/** A compiled io-mapping list, in model order. */
export type CompiledMappings = readonly CompiledMapping[];

/**
 * Compiles an io-mapping list at deploy time. Pure; the result is frozen.
 * `where.attribute` names the list (`zeebe:input`); each message adds `[index].source` or
 * `.target`. A source without `=` is a static string, as in Zeebe (`1` stays `"1"`).
 */
export function compileMappings(list: readonly Mapping[], where: ExpressionSite): CompiledMappings {
  return Object.freeze(list.map((mapping, index) => {
    const at = (part: string) => ({ elementId: where.elementId, attribute: `${where.attribute}[${index}].${part}` });
    return Object.freeze({
      source: compileAttribute(mapping.source, at('source'), 'string'),
      target: parseTargetPath(mapping.target, at('target')),
    });
  }));
}

/**
 * Applies mappings in model order and returns the variables they produce. Pure.
 * As in Zeebe, each source sees `sourceVariables` plus the targets mapped before it, and a
 * nested target (`a.b`) merges into the object already at its root — from an earlier mapping,
 * or else from `sourceVariables` — so `a.b` then `a.c` gives `{ a: { b, c } }`.
 */
export function applyMappings(
  mappings: CompiledMappings,
  sourceVariables: Variables,
  ctx: EvaluationContext,
): Record<string, unknown> {
  let produced: Record<string, unknown> = {};
  for (const { source, target } of mappings) {
    const value = evaluate(source, { ...sourceVariables, ...produced }, ctx);
    const [root, ...rest] = target as [string, ...string[]];
    const base = Object.hasOwn(produced, root) ? produced[root] : sourceVariables[root];
    produced = { ...produced, [root]: putAtPath(base, rest, value) };
  }
  return produced;
}
