import type { Knex } from 'knex';
import type { NoticeKind } from './render.js';
import { noticeKinds, renderNotice } from './render.js';
import type { NoticeParties } from './letterhead.js';
import { letterheadOf } from './letterhead.js';
import { nextDocumentNumber } from './document-numbers.js';
import { findCase } from '../cases/repository.js';
import { caseAuthority } from '../cases/case-authority.js';

export interface StoredNotice {
  id: string;
  caseId: string;
  kind: NoticeKind;
  title: string;
  /** 发文字号: 机关代字〔年〕N号 of the authority it was issued in the name of. */
  documentNo?: string;
  authorityId?: string;
  createdAt: number;
}

export interface IssueOptions {
  /** Issuing is idempotent per case and key (a job runs at least once): default the kind, one per case. */
  key?: string;
  /** The clerks the notice names. */
  parties?: NoticeParties;
  /** The title, when the item's type names the document otherwise (不予给付决定书). */
  title?: string;
  /** Who issued it, when a person did. */
  by?: string;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toStored = (r: Row): StoredNotice => ({
  id: r.id, caseId: r.case_id, kind: r.kind, title: r.title ?? noticeKinds[r.kind as NoticeKind], createdAt: Number(r.created_at),
  ...(r.document_no ? { documentNo: r.document_no } : {}), ...(r.authority_id ? { authorityId: r.authority_id } : {}),
});

const uniqueViolation = (err: unknown) => /unique|duplicate/i.test(String(err));

/**
 * Renders a notice in the name of the case's deciding authority, numbers it from the
 * authority's series of the year and keeps it with the case, all in one transaction: what was
 * printed is what is stored, and a notice issued twice (a redelivered job) is the first one.
 * Two notices of one case at the same moment may collide on the case's running id; the later
 * rolls back (its number with it) and is issued again. Not pure.
 */
export async function issueNotice(db: Knex, caseId: string, kind: NoticeKind, data: Record<string, unknown>, at: number, options: IssueOptions = {}): Promise<StoredNotice> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((trx) => issueOnce(trx, caseId, kind, data, at, options));
    } catch (err) {
      if (attempt >= 3 || !uniqueViolation(err)) throw err;
    }
  }
}

async function issueOnce(trx: Knex.Transaction, caseId: string, kind: NoticeKind, data: Record<string, unknown>, at: number, options: IssueOptions): Promise<StoredNotice> {
  const key = options.key ?? kind;
  const issued = await trx('yc_notices').where({ case_id: caseId, issue_key: key }).first();
  if (issued) return toStored(issued);
  const c = await findCase(trx, caseId);
  const authority = c && (await caseAuthority(trx, c));
  if (!c || !authority) throw new Error(`notice ${kind} of case ${caseId}: the case or its deciding authority is not registered`);
  const documentNo = await nextDocumentNumber(trx, authority, at);
  const title = options.title ?? noticeKinds[kind];
  const html = renderNotice(kind, { ...(await letterheadOf(trx, c, authority, options.parties ?? {})), ...data, title, documentNo });
  const count = await trx('yc_notices').where({ case_id: caseId }).count({ n: '*' }).first();
  const row = {
    id: `${caseId}-N${Number(count?.n ?? 0) + 1}`, case_id: caseId, kind, title, document_no: documentNo, authority_id: authority.id,
    issue_key: key, html, created_at: at, created_by: options.by ?? null,
  };
  await trx('yc_notices').insert(row);
  return toStored(row);
}

export async function noticesOf(db: Knex, caseId: string): Promise<StoredNotice[]> {
  const rows = await db('yc_notices').where({ case_id: caseId }).orderBy('created_at').orderBy('id')
    .select('id', 'case_id', 'kind', 'title', 'document_no', 'authority_id', 'created_at');
  return rows.map(toStored);
}

export async function noticeHtml(db: Knex, caseId: string, id: string): Promise<string | undefined> {
  return (await db('yc_notices').where({ case_id: caseId, id }).first('html'))?.html;
}

/** Whether a notice of this kind was already issued for the case (job handlers run at least once). */
export async function hasNotice(db: Knex, caseId: string, kind: NoticeKind): Promise<boolean> {
  return Boolean(await db('yc_notices').where({ case_id: caseId, kind }).first('id'));
}
