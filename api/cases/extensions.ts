import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Engine, OpenTask, WorkingCalendar } from '../../engine/index.js';
import { deadlineAfterReceipt, EngineError } from '../../engine/index.js';
import { caseMessages } from '../../processes/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import { CLOSED_STATUSES } from './types.js';
import { findItem } from '../catalog/catalog.js';
import { ApiError } from '../http/errors.js';
import { claimPending, pendingExtensionOf, releaseClaim } from './extension-store.js';
import type { Extension } from './extension-store.js';
import { decisionVariables, requestFrom, requestVariables } from './extension-variables.js';
import { recordRequest } from './extension-record.js';
import { caseFamily, settle } from './case-instances.js';

/** The form of the approval task, the deciding authority's head's (行政许可法 §42), in every mode's extension sub-process. */
export const EXTENSION_FORM = 'extension-decision';

/** 行政许可法 §42: 10 more working days with the head's approval; 15 for joint (联合办理) handling. */
export function maximumExtension(mode: string | undefined): number {
  return mode === 'joint' ? 15 : 10;
}

/**
 * The clerk asks for an extension (延期). The request first takes the case's one pending slot
 * in the table (the database refuses a second at once: 409), then the message opens the
 * approval in the inbox of the deciding authority's head, and the request is logged, here or
 * (should this process die first) by followExtensions from the outbox. It answers once the case
 * has followed (the approval is in the head's inbox by then).
 */
export async function requestExtension(db: Knex, engine: Engine, staff: Staff, record: CaseRecord, days: number, reason: string, at: number): Promise<Extension> {
  await checkRequest(db, engine, record, days);
  const extension: Extension = { id: `${record.id}-E-${randomUUID().slice(0, 8)}`, caseId: record.id, days, reason, status: 'pending', requestedBy: staff.id, requestedAt: at };
  await claimPending(db, extension);
  await engine.correlateMessage(caseMessages.extensionRequested, record.id, requestVariables(extension)).catch(async (err: unknown) => {
    await releaseClaim(db, extension.id);
    if (err instanceof EngineError && err.code === 'MESSAGE_NOT_CORRELATED') throw new ApiError(409, 'EXTENSION_NOT_IN_PROCESS', '本件的办理流程没有延期审批环节（即办件当场办结，不适用延期）');
    throw err;
  });
  await recordRequest(db, extension);
  // What the request caused, followed before it answers: the approval step in the head's inbox (its read model).
  await settle(engine, caseFamily(record));
  return extension;
}

/** The rules a request must meet: an open, accepted case, none pending (in the table or the process), within the legal maximum. */
async function checkRequest(db: Knex, engine: Engine, record: CaseRecord, days: number): Promise<void> {
  if (CLOSED_STATUSES.includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，不能延期');
  if (record.dueAt === undefined || record.acceptedAt === undefined) throw new ApiError(409, 'CASE_NOT_ACCEPTED', '办件尚未受理，没有可延长的办理时限');
  if (await pendingExtensionOf(db, record.id) || await openApproval(engine, record)) throw new ApiError(409, 'EXTENSION_PENDING', '本件已有待审批的延期申请');
  const max = maximumExtension((await findItem(db, record.itemCode))?.mode);
  const used = record.extendedDays ?? 0;
  if (used + days > max) {
    const problem = `最多还可延期 ${max - used} 个工作日`;
    throw new ApiError(422, 'EXTENSION_TOO_LONG', `延期不得超过法定的 ${max} 个工作日（行政许可法第四十二条），本件已延期 ${used} 个工作日，${problem}`, [{ field: 'days', problem }]);
  }
}

/** The head's approval task open in the case's process, if any. */
export async function openApproval(engine: Engine, record: CaseRecord): Promise<OpenTask | undefined> {
  const tasks = record.instanceId ? await engine.tasks({ instanceId: record.instanceId }) : [];
  return tasks.find((t) => t.formKey === EXTENSION_FORM);
}

/**
 * The completion variables of the head's answer on the approval task (form
 * extension-decision): the answer, who gave it and when. The decision is stored from them
 * once the task has closed (followExtensions), so a completion that fails leaves the request
 * pending. A request the process has but the table lacks is stored first; one settled already
 * gets 409.
 */
export async function decisionOf(db: Knex, engine: Engine, staff: Staff, record: CaseRecord, answer: Record<string, unknown>, at: number): Promise<Record<string, unknown>> {
  const inProcess = record.instanceId ? requestFrom(record.id, (await engine.instance(record.instanceId))?.variables ?? {}) : undefined;
  if (inProcess) await recordRequest(db, inProcess);
  if (!(await pendingExtensionOf(db, record.id))) throw new ApiError(409, 'EXTENSION_DECIDED', '该延期申请已审批，不能再次审批');
  return decisionVariables(answer, staff.id, at);
}

/** The due dates, moved by n working days. Pure. */
export function extended(calendar: WorkingCalendar, c: CaseRecord, days: number): CaseRecord {
  const move = (due: number | undefined) => (due === undefined ? undefined : deadlineAfterReceipt(calendar, due, days));
  const statutoryDueAt = move(c.statutoryDueAt);
  return { ...c, dueAt: move(c.dueAt), ...(statutoryDueAt ? { statutoryDueAt } : {}), extendedDays: (c.extendedDays ?? 0) + days };
}
