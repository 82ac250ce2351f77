import type { Knex } from 'knex';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import { CLOSED_STATUSES } from './types.js';
import { updateCase } from './repository.js';
import { actingFor, findStaff } from '../org/staff.js';
import { ApiError } from '../http/errors.js';

/**
 * 首问负责: the clerk who received the case owns it until they hand it on, to another clerk
 * of the same window unit who is at work. Only the owner (or their B post) hands it on; the
 * log keeps who handed it to whom, when and why.
 */
export async function handOver(db: Knex, staff: Staff, record: CaseRecord, toStaffId: string, reason: string, at: number): Promise<CaseRecord> {
  if (CLOSED_STATUSES.includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，不能移交');
  if (!record.ownerId || !(await actingFor(db, staff)).includes(record.ownerId)) {
    throw new ApiError(403, 'NOT_CASE_OWNER', '只有首问责任人（或其 B 岗）可以移交办件');
  }
  const target = await findStaff(db, toStaffId);
  const problem = !target || target.orgUnitId !== record.orgUnitId || !target.roles.includes('clerk') ? '只能移交给本单位的窗口工作人员'
    : target.id === record.ownerId ? '办件已由该工作人员负责'
      : target.absent ? '该工作人员缺岗，不能接收移交' : undefined;
  if (problem) throw new ApiError(422, 'HANDOVER_TARGET_INVALID', problem, [{ field: 'toStaffId', problem }]);
  return updateCase(db, record.id, (c) => ({ ...c, ownerId: target!.id }), {
    at, actorId: staff.id, action: 'handed-over', detail: { from: record.ownerId, to: target!.id, reason },
  });
}
