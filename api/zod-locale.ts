/**
 * zod speaks Chinese in this server: every entry point imports this module (the api through
 * api/server.ts, a worker through api/job-handlers.ts), so the configuration is made once per
 * process before any schema parses. A schema's own message wins; the common refusals get plain
 * words a clerk understands; the rest falls back to zod's zh-CN locale.
 */
import { z } from 'zod';
import type { core } from 'zod';
import { zhCN } from 'zod/locales';

type Issue = core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', bigint: '整数', boolean: '是或否（true/false）', object: '对象（{ … }）',
  array: '列表（[ … ]）', null: '空值（null）', undefined: '空', date: '日期', nan: '非数字',
};
const nameOf = (type: string): string => typeNames[type] ?? type;
const list = (values: readonly unknown[]): string => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('、');

/** The plain-words message for an issue, or undefined to let the zh-CN locale answer. Pure. */
export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '此项必填';
      return `应为${nameOf(issue.expected)}，收到的是${nameOf(received(issue.input))}`;
    case 'too_small': return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive ?? true);
    case 'too_big': return tooBig(issue.origin, Number(issue.maximum), issue.inclusive ?? true);
    case 'invalid_value': return issue.values.length === 1 ? `只能是 ${list(issue.values)}` : `应为以下之一：${list(issue.values)}`;
    case 'unrecognized_keys': return `不认识的字段：${list(issue.keys)}（请删去）`;
    default: return undefined;
  }
}

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function tooSmall(origin: string, min: number, inclusive: boolean): string {
  if (origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字`;
  if (origin === 'array' || origin === 'set') return min <= 1 ? '至少选择或填写一项' : `至少 ${min} 项`;
  return inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
}

function tooBig(origin: string, max: number, inclusive: boolean): string {
  if (origin === 'string') return `最多 ${max} 个字`;
  if (origin === 'array' || origin === 'set') return `最多 ${max} 项`;
  return inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
}

z.config(zhCN());
z.config({ customError: plainMessage });
