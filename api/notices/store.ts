import type { Knex } from 'knex';
import type { NoticeKind } from './render.js';
import { noticeKinds, renderNotice } from './render.js';

export interface StoredNotice {
  id: string;
  caseId: string;
  kind: NoticeKind;
  title: string;
  createdAt: number;
}

/** Renders a notice and keeps it with the case: what was printed is what is stored. */
export async function issueNotice(db: Knex, caseId: string, kind: NoticeKind, data: Record<string, unknown>, at: number, by?: string): Promise<StoredNotice> {
  const count = await db('yc_notices').where({ case_id: caseId }).count({ n: '*' }).first();
  const id = `${caseId}-N${Number(count?.n ?? 0) + 1}`;
  await db('yc_notices').insert({ id, case_id: caseId, kind, html: renderNotice(kind, { ...data, number: id }), created_at: at, created_by: by ?? null });
  return { id, caseId, kind, title: noticeKinds[kind], createdAt: at };
}

export async function noticesOf(db: Knex, caseId: string): Promise<StoredNotice[]> {
  const rows = await db('yc_notices').where({ case_id: caseId }).orderBy('created_at').select('id', 'case_id', 'kind', 'created_at');
  return rows.map((r: { id: string; case_id: string; kind: NoticeKind; created_at: number | string }) => ({
    id: r.id, caseId: r.case_id, kind: r.kind, title: noticeKinds[r.kind], createdAt: Number(r.created_at),
  }));
}

export async function noticeHtml(db: Knex, caseId: string, id: string): Promise<string | undefined> {
  return (await db('yc_notices').where({ case_id: caseId, id }).first('html'))?.html;
}

/** Whether a notice of this kind was already issued for the case (job handlers run at least once). */
export async function hasNotice(db: Knex, caseId: string, kind: NoticeKind): Promise<boolean> {
  return Boolean(await db('yc_notices').where({ case_id: caseId, kind }).first('id'));
}
