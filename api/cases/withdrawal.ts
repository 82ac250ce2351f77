import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { EngineError } from '../../engine/index.js';
import { caseMessages } from '../../processes/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import { CLOSED_STATUSES } from './types.js';
import { updateCase } from './repository.js';
import { closeClock } from './clock.js';
import { caseFamily, settle } from './case-instances.js';
import { actingFor } from '../org/staff.js';
import { allUnits, centerOf } from '../org/units.js';
import { ApiError } from '../http/errors.js';

/**
 * Who may withdraw a case (撤件) at the applicant's request: its owner (首问负责人), the owner's
 * B post while the owner is absent, or the director of the centre that handles it. Any other
 * clerk of the unit is refused: a withdrawal ends the applicant's case for good. Reads only.
 */
export async function mayWithdraw(db: Knex, staff: Staff, record: CaseRecord): Promise<boolean> {
  if (record.ownerId && (await actingFor(db, staff)).includes(record.ownerId)) return true;
  return staff.roles.includes('director') && staff.orgUnitId === centerOf(await allUnits(db), record.orgUnitId);
}

/**
 * A process that models the withdrawal where the case stands (waiting for corrected materials:
 * 撤件 in one-time-notice.bpmn) takes it by its own path, so its history and diagram show the
 * case ending at 已撤件; false where nothing waits for it, and the process is cancelled instead.
 */
async function withdrawnByProcess(engine: Engine, record: CaseRecord): Promise<boolean> {
  try {
    await engine.correlateMessage(caseMessages.withdrawn, record.id);
    return true;
  } catch (err) {
    if (err instanceof EngineError && err.code === 'MESSAGE_NOT_CORRELATED') return false;
    throw err;
  }
}

/** Withdraws a case: its process cancelled (or ended by its own withdrawal path), its clock closed, the reason in its log with who did it and as what. Not pure. */
export async function withdrawCase(db: Knex, engine: Engine, staff: Staff, record: CaseRecord, reason: string, at: number): Promise<CaseRecord> {
  if (!(await mayWithdraw(db, staff, record))) {
    throw new ApiError(403, 'WITHDRAW_NOT_ALLOWED', '只有首问责任人、其缺岗时的 B 岗或本中心负责人可以撤件');
  }
  if (CLOSED_STATUSES.includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，不能撤件');
  if (!(await withdrawnByProcess(engine, record)) && record.instanceId) await engine.cancel(record.instanceId);
  await settle(engine, caseFamily(record));
  const as = record.ownerId === staff.id ? 'owner' : record.ownerId && staff.backupFor === record.ownerId ? 'backup' : 'director';
  return updateCase(db, record.id, (c) => ({ ...closeClock(c, at), status: 'withdrawn', currentSteps: [] }), { at, actorId: staff.id, action: 'withdrawn', detail: { reason, as } });
}
