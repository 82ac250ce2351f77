import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { ApiError } from '../http/errors.js';
import type { InboxFilter } from './filter.js';

export interface InboxView {
  id: string;
  name: string;
  filter: InboxFilter;
  updatedAt: number;
}

/** More than this many views is a list nobody reads: old ones were forgotten. */
export const MAX_VIEWS = 20;

const toView = (row: { id: string; name: string; filter: string; updated_at: number | string }): InboxView =>
  ({ id: row.id, name: row.name, filter: JSON.parse(row.filter) as InboxFilter, updatedAt: Number(row.updated_at) });

/** A person's saved views, by name. */
export async function viewsOf(db: Knex, staffId: string): Promise<InboxView[]> {
  return (await db('yc_inbox_views').where({ staff_id: staffId }).orderBy('name')).map(toView);
}

/** Saves a view under its name: a name the person used already gets the new filter. Not pure. */
export async function saveView(db: Knex, staffId: string, name: string, filter: InboxFilter, at: number): Promise<InboxView> {
  return db.transaction(async (trx) => {
    const existing = await trx('yc_inbox_views').where({ staff_id: staffId, name }).first('id');
    if (existing) {
      await trx('yc_inbox_views').where({ id: existing.id }).update({ filter: JSON.stringify(filter), updated_at: at });
      return { id: existing.id as string, name, filter, updatedAt: at };
    }
    const count = await trx('yc_inbox_views').where({ staff_id: staffId }).count({ n: '*' }).first();
    if (Number(count?.n ?? 0) >= MAX_VIEWS) throw new ApiError(409, 'VIEWS_FULL', `已保存 ${MAX_VIEWS} 个视图，请先删除不再使用的视图`);
    const id = randomUUID();
    await trx('yc_inbox_views').insert({ id, staff_id: staffId, name, filter: JSON.stringify(filter), updated_at: at });
    return { id, name, filter, updatedAt: at };
  });
}

/** Deletes one of the person's views; someone else's, or none, is a 404. Not pure. */
export async function deleteView(db: Knex, staffId: string, id: string): Promise<void> {
  const deleted = await db('yc_inbox_views').where({ id, staff_id: staffId }).delete();
  if (deleted === 0) throw new ApiError(404, 'NOT_FOUND', '视图不存在或已删除');
}
