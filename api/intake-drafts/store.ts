import type { Knex } from 'knex';
import { ApiError } from '../http/errors.js';

/** What a draft holds: the intake form as the clerk left it, checked for shape, not completeness. */
export interface DraftContent {
  itemCode?: string;
  itemName?: string;
  applicant: { kind: 'person' | 'company'; name?: string; idNumber?: string; creditCode?: string; phone?: string; address?: string };
  /** Each material's state on the checklist: handed in, or marked missing. */
  materials: Record<string, 'received' | 'missing'>;
  note?: string;
}

export interface IntakeDraft extends DraftContent {
  id: string;
  updatedAt: number;
}

/** A clerk keeps at most this many unfinished intakes: more means old ones were forgotten. */
export const MAX_DRAFTS = 20;

const toDraft = (row: { id: string; content: string; updated_at: number | string }): IntakeDraft =>
  ({ id: row.id, updatedAt: Number(row.updated_at), ...(JSON.parse(row.content) as DraftContent) });

/** The clerk's drafts, last saved first. */
export async function draftsOf(db: Knex, staffId: string): Promise<IntakeDraft[]> {
  return (await db('yc_intake_drafts').where({ staff_id: staffId }).orderBy('updated_at', 'desc')).map(toDraft);
}

const notFound = () => new ApiError(404, 'NOT_FOUND', '草稿不存在或已删除');

/**
 * Saves a draft under its id (made by the page), for its clerk only: an id another clerk
 * uses answers as if it did not exist; a new draft past the limit is refused. Not pure.
 */
export async function saveDraft(db: Knex, staffId: string, id: string, content: DraftContent, at: number): Promise<IntakeDraft> {
  return db.transaction(async (trx) => {
    const row = await trx('yc_intake_drafts').where({ id }).first('staff_id');
    if (row && row.staff_id !== staffId) throw notFound();
    if (!row) {
      const count = await trx('yc_intake_drafts').where({ staff_id: staffId }).count({ n: '*' }).first();
      if (Number(count?.n ?? 0) >= MAX_DRAFTS) throw new ApiError(409, 'DRAFTS_FULL', `暂存的草稿已有 ${MAX_DRAFTS} 份，请先办结或删除不再需要的草稿`);
      await trx('yc_intake_drafts').insert({ id, staff_id: staffId, content: JSON.stringify(content), updated_at: at });
    } else {
      await trx('yc_intake_drafts').where({ id }).update({ content: JSON.stringify(content), updated_at: at });
    }
    return { id, updatedAt: at, ...content };
  });
}

/** Deletes one of the clerk's drafts; someone else's, or none, is a 404. Not pure. */
export async function deleteDraft(db: Knex, staffId: string, id: string): Promise<void> {
  const deleted = await db('yc_intake_drafts').where({ id, staff_id: staffId }).delete();
  if (deleted === 0) throw notFound();
}
