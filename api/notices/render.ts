import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** The notices a case produces, each a printable HTML page stored with the case. */
export const noticeKinds = {
  acceptance: '受理通知书',
  'one-time': '一次性告知书',
  'refusal-to-accept': '不予受理通知书',
  'refusal-decision': '不予许可决定书',
  extension: '延期告知书',
  completion: '办结通知书',
  'special-procedure': '特别程序告知书',
} as const;
export type NoticeKind = keyof typeof noticeKinds;

const templates = fileURLToPath(new URL('./templates/', import.meta.url));
// A private Handlebars environment: templates are ours, data is escaped, no helpers from elsewhere.
const handlebars = Handlebars.create();
const layout = handlebars.compile(readFileSync(`${templates}layout.hbs`, 'utf8'), { strict: false });
const bodies = new Map<NoticeKind, string>();

/**
 * Renders a notice. Every value is HTML-escaped; missing optional values render empty. The
 * title is the kind's unless `data.title` names it otherwise (a 行政给付's refusal is a 不予给付决定书).
 */
export function renderNotice(kind: NoticeKind, data: Record<string, unknown>): string {
  if (!bodies.has(kind)) bodies.set(kind, readFileSync(`${templates}${kind}.hbs`, 'utf8'));
  return layout({ ...data, title: typeof data.title === 'string' ? data.title : noticeKinds[kind] }, { partials: { body: bodies.get(kind)! } });
}
