import type { Knex } from 'knex';

export interface ProcessDraft {
  processId: string;
  sourceName: string;
  xml: string;
  /** administrator: saved in the modeler; shipped: a new version the platform's code brought (新版本待审核). */
  origin: 'administrator' | 'shipped';
  updatedAt: number;
  updatedBy?: string;
}

interface DraftRow { process_id: string; source_name: string; xml: string; origin: 'administrator' | 'shipped'; updated_by: string | null; updated_at: number | string }

export async function findDraft(db: Knex, processId: string): Promise<ProcessDraft | undefined> {
  const row: DraftRow | undefined = await db('yc_process_drafts').where({ process_id: processId }).first();
  return row ? {
    processId: row.process_id, sourceName: row.source_name, xml: row.xml, origin: row.origin, updatedAt: Number(row.updated_at),
    ...(row.updated_by ? { updatedBy: row.updated_by } : {}),
  } : undefined;
}

/** Keeps an administrator's draft apart from deploying (one per process; saving again replaces it). Not pure. */
export async function saveDraft(db: Knex, draft: { processId: string; sourceName: string; xml: string }, by: string, at: number): Promise<ProcessDraft> {
  const row = { source_name: draft.sourceName, xml: draft.xml, origin: 'administrator', updated_by: by, updated_at: at };
  const updated = await db('yc_process_drafts').where({ process_id: draft.processId }).update(row);
  if (updated === 0) await db('yc_process_drafts').insert({ process_id: draft.processId, ...row });
  return (await findDraft(db, draft.processId))!;
}

export async function dropDraft(db: Knex, processId: string): Promise<boolean> {
  return (await db('yc_process_drafts').where({ process_id: processId }).delete()) > 0;
}
