import { parseExpression } from 'feelin';

/** A node of feelin's parse tree (lezer's SyntaxNode, named without depending on lezer). */
type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

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
      else if (node.name === 'SimplePositiveUnaryTest') problem = doubledComparison(text, node.node);
      return undefined;
    },
  });
  return problem;
}

/**
 * feelin reads `a == b` (or `a >= > b`) as `a` compared with the unary test `= b`, which then
 * never holds; FEEL-Scala, which Zeebe runs, refuses it. A unary test is an operand only after
 * `in`, never straight after a comparison operator.
 */
function doubledComparison(text: string, test: SyntaxNode): string | null {
  const before = test.prevSibling;
  if (test.parent?.name !== 'Comparison' || before?.name !== 'CompareOp') return null;
  const operators = text.slice(before.from, test.firstChild?.to ?? test.from + 1);
  return `has "${operators}" at column ${before.from + 1}: two comparisons in a row; FEEL compares with one "=" (a = b)`;
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
