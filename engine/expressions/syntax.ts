import { parseExpression } from 'feelin';

/**
 * feelin's Camunda dialect: backtick names (`` `order id` ``) as Camunda Modeler writes them.
 * Used for parsing and evaluating alike, so both agree on what is valid.
 */
export const FEEL_DIALECT = 'camunda';

const checked = new Map<string, string | null>();
/** Bound on remembered texts; a deployment server sees a finite set of models. */
const MEMO_LIMIT = 2000;

/**
 * Describes the first syntax error in a FEEL expression, or null when it parses.
 * Pure (memoized by text). feelin 8 cannot evaluate a parse tree it did not build itself
 * (its Interpreter is internal, and the parse depends on the variable names in the
 * evaluation context), so evaluation re-parses; only this deploy-time check is cached.
 */
export function syntaxProblem(text: string): string | null {
  const known = checked.get(text);
  if (known !== undefined) return known;
  const problem = findSyntaxProblem(text);
  if (checked.size >= MEMO_LIMIT) checked.clear();
  checked.set(text, problem);
  return problem;
}

function findSyntaxProblem(text: string): string | null {
  // No variables are known at deploy time; names with spaces need backticks anyway.
  const tree = parseExpression(text, {}, FEEL_DIALECT);
  let problem: string | null = null;
  tree.iterate({
    enter(node) {
      if (problem !== null) return false;
      if (node.type.isError) problem = describeErrorAt(text, node.from, node.to);
      return undefined;
    },
  });
  return problem;
}

function describeErrorAt(text: string, from: number, to: number): string {
  if (from >= text.length) return `ends too early (column ${from + 1})`;
  const token = text.slice(from, Math.max(to, from + 1));
  return `has unexpected "${token}" at column ${from + 1}`;
}

/**
 * Whether a text is JUEL/EL (`${...}` or `#{...}`, as Camunda 7 and Activiti write) rather
 * than FEEL. Looks outside FEEL string literals only, so `"costs ${x}"` stays a FEEL string.
 * Pure.
 */
export function looksLikeJuel(text: string): boolean {
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return /[$#]\{/.test(outsideStrings);
}
