import type { Knex } from 'knex';
import { ApiError } from '../http/errors.js';
import { findCase } from './repository.js';
import { extensionApprover } from '../org/authority-heads.js';
import { page } from '../http/paging.js';
import type { Paged } from '../http/paging.js';

/**
 * An extension request (延期申请) and, once made, the decision of the deciding authority's head: the read model of
 * the approval task in the case's process ('lapsed': the case ended before it was decided).
 */
export interface Extension {
  id: string;
  caseId: string;
  days: number;
  reason: string;
  status: 'pending' | 'approved' | 'refused' | 'lapsed';
  requestedBy: string;
  requestedAt: number;
  decidedBy?: string;
  decidedAt?: number;
  decisionNote?: string;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toExtension = (r: Row): Extension => ({
  id: r.id, caseId: r.case_id, days: r.days, reason: r.reason, status: r.status, requestedBy: r.requested_by, requestedAt: Number(r.requested_at),
  ...(r.decided_by ? { decidedBy: r.decided_by } : {}), ...(r.decided_at != null ? { decidedAt: Number(r.decided_at) } : {}), ...(r.decision_note ? { decisionNote: r.decision_note } : {}),
});

/** The authority whose head approves a case's extensions, fixed with each request (its id, or null when unknown). */
export async function approverOfCase(db: Knex, caseId: string): Promise<string | null> {
  const record = await findCase(db, caseId);
  return record ? (await extensionApprover(db, record))?.id ?? null : null;
}

const columnsOf = async (db: Knex, e: Extension) => ({
  id: e.id, case_id: e.caseId, days: e.days, reason: e.reason, status: e.status, requested_by: e.requestedBy, requested_at: e.requestedAt, approver_id: await approverOfCase(db, e.caseId),
});

/** PostgreSQL's unique_violation, or SQLite's. */
function isUniqueViolation(err: unknown): boolean {
  const { code } = (err ?? {}) as { code?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Takes the case's one slot for a pending request before the process hears of it: the
 * database's partial unique index (migration 016) lets one of two requests at once in and
 * refuses the other, answered 409. The row is not logged yet (recordRequest logs it). Not pure.
 */
export async function claimPending(db: Knex, e: Extension): Promise<void> {
  try {
    await db('yc_extensions').insert({ ...(await columnsOf(db, e)), logged: false });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError(409, 'EXTENSION_PENDING', '本件已有待审批的延期申请，请等负责人审批后再申请');
    throw err;
  }
}

/** Gives the slot back when the process refused the request (it never reached the head). Not pure. */
export async function releaseClaim(db: Knex, id: string): Promise<void> {
  await db('yc_extensions').where({ id, logged: false, status: 'pending' }).delete();
}

/** Claimed requests never logged, taken before `before`: what a crash between the claim and the process may have left. */
export async function unloggedClaims(db: Knex, before: number): Promise<Extension[]> {
  return (await db('yc_extensions').where({ logged: false, status: 'pending' }).andWhere('requested_at', '<', before).orderBy('requested_at')).map(toExtension);
}

/** Marks a claimed request as logged; true for the one caller that did it (its log line is written once). Not pure. */
export async function markLogged(db: Knex, id: string): Promise<boolean> {
  return (await db('yc_extensions').where({ id, logged: false }).update({ logged: true })) > 0;
}

/** Stores a request unless it is stored already (a redelivered effect); true when this call stored it. Not pure. */
export async function insertExtensionOnce(db: Knex, e: Extension): Promise<boolean> {
  const inserted = await db('yc_extensions').insert({ ...(await columnsOf(db, e)), logged: true }).onConflict('id').ignore().returning('id');
  return inserted.length > 0;
}

/** Writes the decision (or the lapse) of a request still pending; false when it was settled already. Not pure. */
export async function setDecision(db: Knex, e: Extension): Promise<boolean> {
  const updated = await db('yc_extensions').where({ id: e.id, status: 'pending' })
    .update({ status: e.status, decided_by: e.decidedBy ?? null, decided_at: e.decidedAt ?? null, decision_note: e.decisionNote ?? null });
  return updated > 0;
}

export async function extensionById(db: Knex, id: string): Promise<Extension | undefined> {
  const row = await db('yc_extensions').where({ id }).first();
  return row ? toExtension(row) : undefined;
}

export async function pendingExtensionOf(db: Knex, caseId: string): Promise<Extension | undefined> {
  const row = await db('yc_extensions').where({ case_id: caseId, status: 'pending' }).first();
  return row ? toExtension(row) : undefined;
}

/**
 * Extensions of cases in the given org units (only those one authority approves, when
 * `approver` is given), newest first, a page at a time.
 */
export async function extensionsIn(db: Knex, orgUnitIds: readonly string[], filter: { status?: string; approver?: string; cursor?: string; limit: number }): Promise<Paged<Extension>> {
  const query = db('yc_extensions').join('yc_cases', 'yc_cases.id', 'yc_extensions.case_id').whereIn('yc_cases.org_unit_id', [...orgUnitIds]).select('yc_extensions.*');
  if (filter.status) query.where('yc_extensions.status', filter.status);
  if (filter.approver !== undefined) query.where('yc_extensions.approver_id', filter.approver);
  const keys = [{ sql: 'yc_extensions.requested_at', desc: true }, { sql: 'yc_extensions.id', desc: true }];
  const got = await page<Row>(db, query, keys, filter, (r) => [Number(r.requested_at), r.id]);
  return { ...got, rows: got.rows.map(toExtension) };
}

/** A case's extension requests, oldest first. */
export async function extensionsOf(db: Knex, caseId: string): Promise<Extension[]> {
  return (await db('yc_extensions').where({ case_id: caseId }).orderBy('requested_at')).map(toExtension);
}
