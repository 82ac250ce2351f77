import { evaluateExpression } from '../../engine/index.js';
import type { DataNode, ObjectNode, ValueNode } from './fields.js';

/** What the validator needs besides the form and the answer. */
export interface CheckContext {
  /** The instant FEEL's now() and today() see. */
  now: number;
  /** Data a condition may read beside the answer (the task's process variables), as form-js gets it. */
  variables?: Record<string, unknown>;
}

export interface FieldProblem {
  field: string;
  problem: string;
}

type Data = Record<string, unknown>;

/**
 * Checks an answer to a form and returns the variables it gives, or the problems found, each
 * naming the field by its label. form-js's rules: a field hidden by its condition is neither
 * required nor sent; an empty value (null, blank text) is no value, and takes the field's
 * defaultValue if it has one; a required field needs a value (a checked box, a non-empty
 * list); keys the form does not have are refused. A group with a path answers an object, or
 * null when none of its fields has a value. Pure: FEEL sees only `ctx.now`.
 */
export function checkAnswer(tree: readonly DataNode[], input: unknown, ctx: CheckContext): { variables: Data; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!isData(input)) return { variables: {}, problems: [{ field: '(variables)', problem: '表单内容应为对象，如 { "accepted": true }' }] };
  problems.push(...unknownKeys(tree, input, ''));
  const scopes = { sent: { ...ctx.variables, ...seenBy(tree, input, false) }, valid: { ...ctx.variables, ...seenBy(tree, input, true) } };
  const variables = answerOf(tree, input, { scopes, now: ctx.now, problems });
  return { variables, problems };
}

interface Walk {
  /** What conditions see: the answer as sent, and only its valid values. */
  scopes: { sent: Data; valid: Data };
  now: number;
  problems: FieldProblem[];
}

function answerOf(nodes: readonly DataNode[], sent: Data, walk: Walk): Data {
  const out: Data = {};
  for (const node of nodes) {
    const shown = visibility(node, walk);
    if (shown === 'hidden') {
      if (given(sent[node.key])) walk.problems.push({ field: node.path, problem: `「${node.label}」此时不适用，请不要填写` });
      continue;
    }
    const value = node.kind === 'value' ? checkValue(node, valueOf(node, sent[node.key]), shown === 'shown', walk) : checkObject(node, sent[node.key], walk);
    if (value !== undefined) out[node.key] = value;
  }
  return out;
}

/**
 * Whether a field is hidden. When the answer is only known once a refused value is fixed (the
 * conditions give one thing with it and another without), the field is 'unsure': what it holds
 * is checked, but not whether it must or must not be there, so one mistake is reported once.
 */
function visibility(node: DataNode, walk: Walk): 'hidden' | 'shown' | 'unsure' {
  const asSent = node.hides.some((hide) => isTrue(hide, walk.scopes.sent, walk.now));
  const asValid = node.hides.some((hide) => isTrue(hide, walk.scopes.valid, walk.now));
  if (asSent !== asValid) return 'unsure';
  return asSent ? 'hidden' : 'shown';
}

function checkValue(node: ValueNode, value: unknown, sure: boolean, walk: Walk): unknown {
  if (!given(value) || (node.required && isEmpty(node, value))) {
    if (node.required && sure) walk.problems.push({ field: node.path, problem: `请${asks(node)}「${node.label}」` });
    return undefined;
  }
  const parsed = node.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) walk.problems.push({ field: [node.path, ...issue.path].join('.'), problem: `「${node.label}」${issue.message}` });
  return undefined;
}

function checkObject(node: ObjectNode, sent: unknown, walk: Walk): Data | null {
  const inner = answerOf(node.children, isData(sent) ? sent : {}, walk);
  return Object.keys(inner).length > 0 ? inner : null;
}

/** The value a field answers: what was sent, else its default. Pure. */
const valueOf = (node: ValueNode, sent: unknown): unknown => (given(sent) ? sent : node.component.defaultValue);

/**
 * What conditions see, as in form-js: the answer, each absent value replaced by its default;
 * with `validOnly`, without the values their fields refuse. Pure.
 */
function seenBy(nodes: readonly DataNode[], sent: Data, validOnly: boolean): Data {
  const out: Data = {};
  for (const node of nodes) {
    const value = sent[node.key];
    if (node.kind === 'object') out[node.key] = seenBy(node.children, isData(value) ? value : {}, validOnly);
    else if (!given(value)) out[node.key] = node.component.defaultValue;
    else if (!validOnly || node.schema.safeParse(value).success) out[node.key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

function unknownKeys(nodes: readonly DataNode[], sent: Data, prefix: string): FieldProblem[] {
  const known = new Map(nodes.map((node) => [node.key, node]));
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(sent)) {
    const node = known.get(key);
    if (!node) problems.push({ field: `${prefix}${key}`, problem: `表单中没有「${key}」这一项，请删去` });
    else if (node.kind === 'object' && isData(sent[key])) problems.push(...unknownKeys(node.children, sent[key] as Data, `${node.path}.`));
    else if (node.kind === 'object' && given(sent[key])) problems.push({ field: node.path, problem: `「${node.label}」应为对象（{ … }）或 null` });
  }
  return problems;
}

function isTrue(hide: Parameters<typeof evaluateExpression>[0], scope: Data, now: number): boolean {
  try {
    return evaluateExpression(hide, scope, { now, timeZone: 'Asia/Shanghai' }) === true;
  } catch {
    return false; // form-js shows a field whose condition fails to evaluate; so does the server
  }
}

const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
/** null, undefined and blank text are no value, as a cleared form-js field sends them. */
const given = (value: unknown): boolean => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
const isEmpty = (node: ValueNode, value: unknown): boolean => (Array.isArray(value) && value.length === 0) || (node.component.type === 'checkbox' && value === false);
const asks = (node: ValueNode): string => (node.component.type === 'checkbox' ? '勾选' : ['radio', 'select', 'checklist', 'taglist'].includes(node.component.type) ? '选择' : '填写');
