import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import { CLOSED_STATUSES } from './types.js';
import { findCase } from './repository.js';
import { completeStep } from './steps.js';
import { ApiError } from '../http/errors.js';
import { extensionById } from './extension-store.js';
import { openApproval } from './extensions.js';
import type { Extension } from './extension-store.js';

/**
 * The decide route kept for older clients: it completes the same approval task the authority's head
 * finds in the inbox, so the rules, the log and the process's re-armed cards are the same.
 * The request is read back once the process has moved on: its decision is stored from the
 * closed task (followExtensions). Not pure.
 */
export async function decideExtension(db: Knex, engine: Engine, staff: Staff, id: string, decision: { approved: boolean; note?: string }, at: number, retried = false): Promise<{ extension: Extension; case: CaseRecord }> {
  const extension = await extensionById(db, id);
  // The caller's own retry (same key, same body) of a decision whose first attempt died after its commit: its answer.
  if (retried && extension && madeBy(extension, staff, decision)) return { extension, case: (await findCase(db, extension.caseId))! };
  if (extension?.status === 'lapsed') throw new ApiError(409, 'EXTENSION_LAPSED', '该延期申请已随办件办结而失效，无需审批');
  if (!extension || extension.status !== 'pending') throw new ApiError(409, 'EXTENSION_DECIDED', '该延期申请已审批，不能再次审批');
  const record = await findCase(db, extension.caseId);
  if (!record || CLOSED_STATUSES.includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，无需延期');
  const approval = await openApproval(engine, record);
  if (!approval) throw new ApiError(409, 'EXTENSION_NOT_IN_PROCESS', '本件的办理流程中没有待审批的延期');
  const answer = { extensionApproved: decision.approved, ...(decision.note ? { extensionOpinion: decision.note } : {}) };
  const updated = await completeStep(db, engine, staff, approval.id, answer, at);
  return { extension: (await extensionById(db, id))!, case: updated };
}

/** Whether a request was decided by this person as this decision says. Pure. */
function madeBy(extension: Extension, staff: Staff, decision: { approved: boolean }): boolean {
  return extension.decidedBy === staff.id && extension.status === (decision.approved ? 'approved' : 'refused');
}
