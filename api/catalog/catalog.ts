import type { Knex } from 'knex';
import { changedReference, referenceRows } from '../reference-cache.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
import { ApiError } from '../http/errors.js';
import { limitProblems } from '../time-limits/limits.js';

/**
 * The item catalog as the server keeps it: one row per item, its full guide as JSON. An item
 * whose limits cannot hold (a promise beyond the law's limit, stages that do not fit in the
 * promise) is refused, and nothing of the call is written.
 */
export async function saveItems(db: Knex, items: readonly ServiceItem[]): Promise<void> {
  const problems = items.flatMap(limitProblems);
  if (problems.length > 0) throw new ApiError(400, 'ITEM_INVALID', `事项时限有误：${problems.map((p) => p.problem).join('；')}`, problems);
  for (const item of items) {
    const row = { name: item.name, mode: item.mode, process_id: item.processId, guide: JSON.stringify(item) };
    const updated = await db('yc_items').where({ code: item.code }).update(row);
    if (updated === 0) await db('yc_items').insert({ code: item.code, ...row });
  }
  changedReference(db, 'yc_items');
}

export async function listItems(db: Knex, filter: { window?: string; level?: string; q?: string } = {}): Promise<ServiceItem[]> {
  const rows = await referenceRows(db, 'yc_items');
  return rows.map((row) => JSON.parse(row.guide as string) as ServiceItem)
    .filter((item: ServiceItem) => (!filter.window || item.window === filter.window)
      && (!filter.level || item.level === filter.level)
      && (!filter.q || item.name.includes(filter.q) || item.code.includes(filter.q)));
}

export async function findItem(db: Knex, code: string): Promise<ServiceItem | undefined> {
  const row = (await referenceRows(db, 'yc_items')).find((r) => r.code === code);
  return row ? (JSON.parse(row.guide) as ServiceItem) : undefined;
}
