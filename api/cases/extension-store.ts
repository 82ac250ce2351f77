import type { Knex } from 'knex';
import { ApiError } from '../http/errors.js';

/** An extension request (延期申请) and, once made, the director's decision. */
export interface Extension {
  id: string;
  caseId: string;
  days: number;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  requestedBy: string;
  requestedAt: number;
  decidedBy?: string;
  decidedAt?: number;
  decisionNote?: string;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toExtension = (r: Row): Extension => ({
  id: r.id, caseId: r.case_id, days: r.days, reason: r.reason, status: r.status, requestedBy: r.requested_by, requestedAt: Number(r.requested_at),
  ...(r.decided_by ? { decidedBy: r.decided_by, decidedAt: Number(r.decided_at) } : {}), ...(r.decision_note ? { decisionNote: r.decision_note } : {}),
});

export async function insertExtension(db: Knex, e: Extension): Promise<void> {
  await db('yc_extensions').insert({ id: e.id, case_id: e.caseId, days: e.days, reason: e.reason, status: e.status, requested_by: e.requestedBy, requested_at: e.requestedAt });
}

export async function setDecision(db: Knex, e: Extension): Promise<void> {
  const updated = await db('yc_extensions').where({ id: e.id, status: 'pending' })
    .update({ status: e.status, decided_by: e.decidedBy, decided_at: e.decidedAt, decision_note: e.decisionNote ?? null });
  // Two directors at once: the second finds it decided.
  if (updated === 0) throw new ApiError(409, 'EXTENSION_DECIDED', '该延期申请已审批，不能再次审批');
}

export async function extensionById(db: Knex, id: string): Promise<Extension | undefined> {
  const row = await db('yc_extensions').where({ id }).first();
  return row ? toExtension(row) : undefined;
}

export async function pendingExtensionOf(db: Knex, caseId: string): Promise<Extension | undefined> {
  const row = await db('yc_extensions').where({ case_id: caseId, status: 'pending' }).first();
  return row ? toExtension(row) : undefined;
}

/** Extensions of cases in the given org units, newest first. */
export async function extensionsIn(db: Knex, orgUnitIds: readonly string[], status?: string): Promise<Extension[]> {
  const query = db('yc_extensions').join('yc_cases', 'yc_cases.id', 'yc_extensions.case_id').whereIn('yc_cases.org_unit_id', [...orgUnitIds])
    .select('yc_extensions.*').orderBy('yc_extensions.requested_at', 'desc').limit(500);
  if (status) query.where('yc_extensions.status', status);
  return (await query).map(toExtension);
}
