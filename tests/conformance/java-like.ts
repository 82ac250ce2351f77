/**
 * Rewrites the betsy suite's Java-like conditions into FEEL, as each engine adapter of the
 * original suite rewrote them for its own engine. Accepts a deliberately small language and
 * throws on anything else, so a condition the suite adds later is a visible failure rather
 * than a silent misreading:
 *
 *   condition := [ "${" ] or [ "}" ]
 *   or        := and { "||" and }              -> a or b
 *   and       := equality { "&&" equality }    -> a and b
 *   equality  := relation [ ("==" | "!=") relation ]   -> a = b, a != b
 *   relation  := unary [ ("<" | "<=" | ">" | ">=") unary ]
 *   unary     := "!" unary | primary           -> not(x)
 *   primary   := "(" or ")" | ["-"] integer | "true" | "false"
 *              | name [ ".contains(" string ")" ]  -> contains(name, "a")
 */

interface Token {
  kind: 'name' | 'integer' | 'string' | 'symbol';
  text: string;
  at: number;
}

/** Longest first, so `<=` is not read as `<` then `=`. */
const SYMBOLS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '(', ')', '.', '-'];
const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+)|"([^"\\]*)")/y;
/** FEEL words that cannot be variable names, and Java's `null`, which the suite never writes. */
const RESERVED = new Set(['and', 'or', 'not', 'null', 'if', 'then', 'else', 'for', 'in', 'return',
  'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function']);

/** A condition outside the small Java-like set this rewriter knows. */
export class JavaLikeConditionError extends Error {}

/** A rewritten fragment; `bare` when it has no operator at its top that a neighbour could split. */
interface Fragment {
  feel: string;
  bare: boolean;
}

interface Cursor {
  source: string;
  tokens: Token[];
  next: number;
}

/**
 * Rewrites one Java-like condition (the unescaped text of a `conditionExpression`,
 * `loopCondition`, `loopCardinality`, ...) into FEEL. Pure. Throws `JavaLikeConditionError`
 * for anything outside the grammar above.
 */
export function javaLikeToFeel(text: string): string {
  const cursor: Cursor = { source: text, tokens: tokenize(unwrap(text), text), next: 0 };
  if (cursor.tokens.length === 0) throw refuse(text, 'it is empty');
  const result = parseOr(cursor);
  const extra = cursor.tokens[cursor.next];
  if (extra) throw refuse(text, `unexpected "${extra.text}"`);
  return result.feel;
}

/** Strips an optional `${ ... }` wrapper, as JUEL writes it. */
function unwrap(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('${') && trimmed.endsWith('}') ? trimmed.slice(2, -1) : trimmed;
}

function tokenize(body: string, source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (body.slice(at).trim() !== '') {
    const token = readToken(body, at) ?? refuseAt(source, body, at);
    tokens.push(token);
    at = token.at + rawLength(token);
  }
  return tokens;
}

function readToken(body: string, from: number): Token | null {
  TOKEN.lastIndex = from;
  const match = TOKEN.exec(body);
  const at = from + (body.slice(from).length - body.slice(from).trimStart().length);
  if (match?.[1] !== undefined) return { kind: 'name', text: match[1], at };
  if (match?.[2] !== undefined) return { kind: 'integer', text: match[2], at };
  if (match?.[3] !== undefined) return { kind: 'string', text: match[3], at };
  const symbol = SYMBOLS.find((s) => body.startsWith(s, at));
  return symbol === undefined ? null : { kind: 'symbol', text: symbol, at };
}

function rawLength(token: Token): number {
  return token.kind === 'string' ? token.text.length + 2 : token.text.length;
}

function refuseAt(source: string, body: string, from: number): never {
  const rest = body.slice(from).trimStart();
  throw refuse(source, `unexpected "${rest.slice(0, 10)}"`);
}

function refuse(source: string, problem: string): JavaLikeConditionError {
  return new JavaLikeConditionError(`cannot rewrite the Java-like condition "${source}" into FEEL: ${problem}`);
}

function parseOr(c: Cursor): Fragment {
  return parseChain(c, '||', 'or', parseAnd);
}

function parseAnd(c: Cursor): Fragment {
  return parseChain(c, '&&', 'and', parseEquality);
}

function parseChain(c: Cursor, symbol: string, word: string, operand: (c: Cursor) => Fragment): Fragment {
  const parts = [operand(c)];
  while (accept(c, [symbol])) parts.push(operand(c));
  // FEEL, like Java, binds `and` tighter than `or`, so the chain needs no added parentheses.
  return parts.length === 1 ? parts[0]! : { feel: parts.map((p) => p.feel).join(` ${word} `), bare: false };
}

function parseEquality(c: Cursor): Fragment {
  return parseComparison(c, ['==', '!='], parseRelation);
}

function parseRelation(c: Cursor): Fragment {
  return parseComparison(c, ['<=', '>=', '<', '>'], parseUnary);
}

/** One comparison at most: Java refuses `a < b < c`, so the rewriter does too. */
function parseComparison(c: Cursor, symbols: string[], operand: (c: Cursor) => Fragment): Fragment {
  const left = operand(c);
  const symbol = accept(c, symbols);
  if (symbol === null) return left;
  const right = operand(c);
  return { feel: `${group(left)} ${symbol === '==' ? '=' : symbol} ${group(right)}`, bare: false };
}

function group(fragment: Fragment): string {
  return fragment.bare ? fragment.feel : `(${fragment.feel})`;
}

function parseUnary(c: Cursor): Fragment {
  if (accept(c, ['!'])) return { feel: `not(${parseUnary(c).feel})`, bare: true };
  return parsePrimary(c);
}

function parsePrimary(c: Cursor): Fragment {
  if (accept(c, ['('])) {
    const inner = parseOr(c);
    expect(c, ')');
    return { feel: `(${inner.feel})`, bare: true };
  }
  if (accept(c, ['-'])) return { feel: `-${take(c, 'integer', 'a whole number').text}`, bare: true };
  if (c.tokens[c.next]?.kind === 'integer') return { feel: take(c, 'integer', '').text, bare: true };
  const name = take(c, 'name', 'a variable, a whole number, true or false').text;
  if (RESERVED.has(name)) throw refuse(c.source, `"${name}" is not a variable name this rewriter knows`);
  if (name === 'true' || name === 'false' || !accept(c, ['.'])) return { feel: name, bare: true };
  return parseContains(c, name);
}

/** `x.contains("a")`, the one method call the suite writes. */
function parseContains(c: Cursor, subject: string): Fragment {
  const method = take(c, 'name', 'a method name').text;
  if (method !== 'contains') throw refuse(c.source, `only .contains("...") is known, not .${method}`);
  expect(c, '(');
  const needle = take(c, 'string', 'a string literal').text;
  expect(c, ')');
  return { feel: `contains(${subject}, "${needle}")`, bare: true };
}

function accept(c: Cursor, symbols: string[]): string | null {
  const token = c.tokens[c.next];
  if (token?.kind !== 'symbol' || !symbols.includes(token.text)) return null;
  c.next += 1;
  return token.text;
}

function expect(c: Cursor, symbol: string): void {
  if (accept(c, [symbol]) === null) throw refuse(c.source, `expected "${symbol}" ${found(c)}`);
}

function take(c: Cursor, kind: Token['kind'], wanted: string): Token {
  const token = c.tokens[c.next];
  if (token?.kind !== kind) throw refuse(c.source, `expected ${wanted} ${found(c)}`);
  c.next += 1;
  return token;
}

function found(c: Cursor): string {
  const token = c.tokens[c.next];
  return token ? `but found "${token.text}"` : 'but the condition ended';
}
