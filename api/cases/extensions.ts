import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { WorkingCalendar } from '../../engine/index.js';
import { deadlineAfterReceipt } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import { CLOSED_STATUSES } from './types.js';
import { findCase, updateCase } from './repository.js';
import { findItem } from '../catalog/catalog.js';
import { ApiError } from '../http/errors.js';
import { extensionById, insertExtension, pendingExtensionOf, setDecision } from './extension-store.js';
import type { Extension } from './extension-store.js';

/** 行政许可法 §42: 10 more working days with the head's approval; 15 for joint (联合办理) handling. */
export function maximumExtension(mode: string | undefined): number {
  return mode === 'joint' ? 15 : 10;
}

/** The clerk asks for an extension (延期); it waits for the centre director. Written with its log line, or not at all. */
export async function requestExtension(db: Knex, staff: Staff, record: CaseRecord, days: number, reason: string, at: number): Promise<Extension> {
  if (CLOSED_STATUSES.includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，不能延期');
  if (record.dueAt === undefined || record.acceptedAt === undefined) throw new ApiError(409, 'CASE_NOT_ACCEPTED', '办件尚未受理，没有可延长的办理时限');
  if (await pendingExtensionOf(db, record.id)) throw new ApiError(409, 'EXTENSION_PENDING', '本件已有待审批的延期申请');
  const max = maximumExtension((await findItem(db, record.itemCode))?.mode);
  const used = record.extendedDays ?? 0;
  if (used + days > max) {
    const problem = `最多还可延期 ${max - used} 个工作日`;
    throw new ApiError(422, 'EXTENSION_TOO_LONG', `延期不得超过法定的 ${max} 个工作日（行政许可法第四十二条），本件已延期 ${used} 个工作日，${problem}`, [{ field: 'days', problem }]);
  }
  const extension: Extension = { id: `${record.id}-E-${randomUUID().slice(0, 8)}`, caseId: record.id, days, reason, status: 'pending', requestedBy: staff.id, requestedAt: at };
  await db.transaction(async (trx) => {
    await insertExtension(trx, extension);
    await updateCase(trx, record.id, (c) => c, { at, actorId: staff.id, action: 'extension-requested', detail: { extensionId: extension.id, days, reason } });
  });
  return extension;
}

/**
 * The centre director approves or refuses. Approval moves the promised and statutory due
 * dates by the extension's working days; either way the decision is logged with who and when.
 */
export async function decideExtension(db: Knex, calendar: WorkingCalendar, staff: Staff, id: string, decision: { approved: boolean; note?: string }, at: number): Promise<{ extension: Extension; case: CaseRecord }> {
  const extension = await extensionById(db, id);
  if (!extension || extension.status !== 'pending') throw new ApiError(409, 'EXTENSION_DECIDED', '该延期申请已审批，不能再次审批');
  if (CLOSED_STATUSES.includes((await findCase(db, extension.caseId))?.status ?? 'withdrawn')) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，无需延期');
  const decided: Extension = { ...extension, status: decision.approved ? 'approved' : 'refused', decidedBy: staff.id, decidedAt: at, ...(decision.note ? { decisionNote: decision.note } : {}) };
  const record = await db.transaction(async (trx) => {
    await setDecision(trx, decided);
    return updateCase(trx, extension.caseId, (c) => (decision.approved ? extended(calendar, c, extension.days) : c), {
      at, actorId: staff.id, action: decision.approved ? 'extension-approved' : 'extension-refused',
      detail: { extensionId: id, days: extension.days, note: decision.note },
    });
  });
  return { extension: decided, case: record };
}

/** The due dates, moved by n working days. Pure. */
function extended(calendar: WorkingCalendar, c: CaseRecord, days: number): CaseRecord {
  const move = (due: number | undefined) => (due === undefined ? undefined : deadlineAfterReceipt(calendar, due, days));
  const statutoryDueAt = move(c.statutoryDueAt);
  return { ...c, dueAt: move(c.dueAt), ...(statutoryDueAt ? { statutoryDueAt } : {}), extendedDays: (c.extendedDays ?? 0) + days };
}
