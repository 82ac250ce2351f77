import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Engine, WorkingCalendar } from '../../engine/index.js';
import { deadlineAfterReceipt, EngineError } from '../../engine/index.js';
import { caseMessages } from '../../processes/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import { CLOSED_STATUSES } from './types.js';
import { updateCase } from './repository.js';
import { findItem } from '../catalog/catalog.js';
import { ApiError } from '../http/errors.js';
import { insertExtension, pendingExtensionOf, setDecision } from './extension-store.js';
import type { Extension } from './extension-store.js';

/** The form of the centre director's approval task in every mode's extension sub-process. */
export const EXTENSION_FORM = 'extension-decision';

/** 行政许可法 §42: 10 more working days with the head's approval; 15 for joint (联合办理) handling. */
export function maximumExtension(mode: string | undefined): number {
  return mode === 'joint' ? 15 : 10;
}

/**
 * The clerk asks for an extension (延期). The request goes to the case's process, which opens
 * the centre director's approval in their inbox; then it is stored with its log line.
 */
export async function requestExtension(db: Knex, engine: Engine, staff: Staff, record: CaseRecord, days: number, reason: string, at: number): Promise<Extension> {
  await checkRequest(db, record, days);
  const extension: Extension = { id: `${record.id}-E-${randomUUID().slice(0, 8)}`, caseId: record.id, days, reason, status: 'pending', requestedBy: staff.id, requestedAt: at };
  await engine.correlateMessage(caseMessages.extensionRequested, record.id, { extensionId: extension.id, extensionDays: days, extensionReason: reason }).catch((err: unknown) => {
    if (err instanceof EngineError && err.code === 'MESSAGE_NOT_CORRELATED') throw new ApiError(409, 'EXTENSION_NOT_IN_PROCESS', '本件的办理流程没有延期审批环节（即办件当场办结，不适用延期）');
    throw err;
  });
  await db.transaction(async (trx) => {
    await insertExtension(trx, extension);
    await updateCase(trx, record.id, (c) => c, { at, actorId: staff.id, action: 'extension-requested', detail: { extensionId: extension.id, days, reason } });
  });
  return extension;
}

/** The rules a request must meet: an open, accepted case, none pending, within the legal maximum. */
async function checkRequest(db: Knex, record: CaseRecord, days: number): Promise<void> {
  if (CLOSED_STATUSES.includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，不能延期');
  if (record.dueAt === undefined || record.acceptedAt === undefined) throw new ApiError(409, 'CASE_NOT_ACCEPTED', '办件尚未受理，没有可延长的办理时限');
  if (await pendingExtensionOf(db, record.id)) throw new ApiError(409, 'EXTENSION_PENDING', '本件已有待审批的延期申请');
  const max = maximumExtension((await findItem(db, record.itemCode))?.mode);
  const used = record.extendedDays ?? 0;
  if (used + days > max) {
    const problem = `最多还可延期 ${max - used} 个工作日`;
    throw new ApiError(422, 'EXTENSION_TOO_LONG', `延期不得超过法定的 ${max} 个工作日（行政许可法第四十二条），本件已延期 ${used} 个工作日，${problem}`, [{ field: 'days', problem }]);
  }
}

/**
 * The centre director's answer on the approval task (form extension-decision), recorded with
 * who and when before the process goes on; the process then moves the due dates. A second
 * answer to the same request finds it decided (409).
 */
export async function recordDecision(db: Knex, staff: Staff, record: CaseRecord, answer: Record<string, unknown>, at: number): Promise<Extension> {
  const pending = await pendingExtensionOf(db, record.id);
  if (!pending) throw new ApiError(409, 'EXTENSION_DECIDED', '该延期申请已审批，不能再次审批');
  const approved = answer.extensionApproved === true;
  const note = typeof answer.extensionOpinion === 'string' && answer.extensionOpinion ? answer.extensionOpinion : undefined;
  const decided: Extension = { ...pending, status: approved ? 'approved' : 'refused', decidedBy: staff.id, decidedAt: at, ...(note ? { decisionNote: note } : {}) };
  await db.transaction(async (trx) => {
    await setDecision(trx, decided);
    await updateCase(trx, record.id, (c) => c, {
      at, actorId: staff.id, action: approved ? 'extension-approved' : 'extension-refused', detail: { extensionId: pending.id, days: pending.days, note },
    });
  });
  return decided;
}

/** The due dates, moved by n working days. Pure. */
export function extended(calendar: WorkingCalendar, c: CaseRecord, days: number): CaseRecord {
  const move = (due: number | undefined) => (due === undefined ? undefined : deadlineAfterReceipt(calendar, due, days));
  const statutoryDueAt = move(c.statutoryDueAt);
  return { ...c, dueAt: move(c.dueAt), ...(statutoryDueAt ? { statutoryDueAt } : {}), extendedDays: (c.extendedDays ?? 0) + days };
}
