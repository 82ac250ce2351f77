import { match, pinyin } from 'pinyin-pro';

/** What the finder matches an item on: its name, code and window (the category it is listed under). */
export interface Findable {
  code: string;
  name: string;
  window: string;
}

/** Letters only, lower case: what a clerk types as pinyin. Pure. */
const lettersOf = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/** Whether `short` appears in `long` in order, perhaps with other letters between. Pure. */
function inOrder(short: string, long: string): boolean {
  let at = 0;
  for (const letter of long) if (letter === short[at]) at += 1;
  return at === short.length;
}

/** Characters a match skipped between its first and last matched one. Pure. */
const gapsOf = (indices: readonly number[]) => indices[indices.length - 1]! - indices[0]! + 1 - indices.length;

/** Non-contiguous matches skipping more characters than this are chance, not what the clerk meant. */
const MAX_GAPS = 6;

/**
 * How well a query finds an item, 0 for not at all; higher is better. Chinese text matches the
 * name or window as written, digits the code; pinyin (full, initials, or mixed: `hjdj`,
 * `chushengdj`) matches the name, else the window and name read together (户籍 + 出生登记), by
 * pinyin-pro, the fewer characters skipped the better. A query of initials with a letter or
 * two more than the name's (`cszdj`: 出生证登记, as clerks say for 出生登记) still finds it,
 * ranked after close matches. Pure.
 */
export function matchScore(item: Findable, query: string): number {
  const q = query.trim();
  if (!q) return 1;
  if (/^\d+$/.test(q)) return item.code.startsWith(q) ? 100 : item.code.includes(q) ? 50 : 0;
  if (/[\u4e00-\u9fff]/.test(q)) return item.name.includes(q) ? 100 : item.window.includes(q) ? 50 : 0;
  const letters = lettersOf(q);
  if (!letters) return 0;
  if (match(item.name, letters, { continuous: true })) return 100;
  const loose = match(`${item.window}${item.name}`, letters);
  if (loose && gapsOf(loose) <= MAX_GAPS) return 80 - 5 * gapsOf(loose);
  const initials = pinyin(item.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  const extra = letters.length - initials.length;
  return extra >= 0 && extra <= 2 && inOrder(initials, letters) ? 60 - 10 * extra : 0;
}

/** The items a query finds, best first, then in catalogue order. Pure. */
export function findItems<T extends Findable>(items: readonly T[], query: string): T[] {
  return items.map((item, index) => ({ item, index, score: matchScore(item, query) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
