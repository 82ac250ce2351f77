import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
import type { Staff } from '../auth/types.js';
import type { Applicant, CaseRecord } from './types.js';
import { findItem } from '../catalog/catalog.js';
import { ApiError } from '../http/errors.js';
import { applicantIdProblem } from '../validation/applicant.js';
import { appendLog, findCaseByIntakeKey, insertCase } from './repository.js';
import { KEY_LIFETIME_MS } from '../http/idempotency.js';
import { caseInstanceIds, startCaseInstances } from './case-instances.js';
import { nextCaseNo } from './case-numbers.js';
import { authorityForIntake } from './case-authority.js';
import { localDate } from '../../engine/calendar/local-date.js';
import { limitsOf } from '../time-limits/limits.js';
import { retimed } from '../time-limits/deadlines.js';
import type { LiveCalendar } from '../time-limits/timed-update.js';
import { allUnits } from '../org/units.js';
import { handlingOf } from './agency.js';
import { itemProcess } from '../processes/item-policy.js';
import { CHINA_TIME } from '../calendar/china-time.js';

export interface IntakeRequest {
  itemCode: string;
  applicant: Applicant;
  /** Names of the materials the applicant handed in, from the item's list. */
  provided: string[];
  /** 代办上报: an item above this centre's level, taken in here for the centre above that handles it. */
  forward?: boolean;
  /** The Idempotency-Key it came with, as `<staff id>:<key>`: kept with the case, so a retry finds it. */
  intakeKey?: string;
}

/**
 * 综合受理: any item at the one window. Checks the item, the applicant and the materials,
 * records the case with the receiving clerk as its first-ask owner, and starts the item's
 * process. The case number is the applicant's handle on it. An item above this centre's level
 * is taken in for the centre that handles it (代办后上报): the case is that centre's, numbered
 * there, its window takes it up, and this centre stays its agent.
 */
export async function intake(db: Knex, engine: Engine, clerk: Staff, request: IntakeRequest): Promise<CaseRecord> {
  const since = engine.clock.now() - KEY_LIFETIME_MS;
  const retried = request.intakeKey ? await findCaseByIntakeKey(db, request.intakeKey, since) : undefined;
  if (retried) return resumed(db, engine, retried, request);
  const item = await findItem(db, request.itemCode);
  if (!item) throw new ApiError(404, 'ITEM_NOT_FOUND', `事项 ${request.itemCode} 不在事项目录中`, [{ field: 'itemCode', problem: '未知事项编码' }]);
  const handling = handlingOf(await allUnits(db), clerk.orgUnitId, item, request.forward === true);
  checkApplicant(request.applicant);
  const materials = checklist(item, request.provided);
  const authority = await authorityForIntake(db, item, handling.unitId);
  const now = engine.clock.now();
  const calendar = engine.calendar as LiveCalendar;
  await calendar.refresh();
  const receiving = handling.agentUnitId ? { ...clerk, orgUnitId: handling.unitId, windowId: undefined } : clerk;
  const process = await itemProcess(db, item);
  const receipt = { clerk, receiving, item, process, agentUnitId: handling.agentUnitId, provided: request.provided, intakeKey: request.intakeKey };
  const record = await writeCase(db, receipt, { applicant: request.applicant, materials, authorityId: authority.id }, now, calendar).catch(async (err: unknown) => {
    // Another request with the same key wrote its case first (the key is unique): that case is the answer.
    const first = request.intakeKey ? await findCaseByIntakeKey(db, request.intakeKey, since) : undefined;
    if (!first) throw err;
    return resumed(db, engine, first, request);
  });
  // After the case's commit: a crash here leaves a case whose instances the start-up repair starts (api/cases/intake-repair.ts).
  await startCaseInstances(engine, record, item, process);
  return record;
}

interface Receipt {
  clerk: Staff;
  /** The clerk as the receiving centre's: the centre above, for a case taken in for it. */
  receiving: Staff;
  item: ServiceItem;
  /** The process (and version, when the item pins one) the case starts. */
  process: { processId: string; version?: number };
  agentUnitId?: string;
  provided: string[];
  intakeKey?: string;
}

/**
 * The case, numbered, with its log lines and the ids its instances will have, in one
 * transaction: either all of it is written or nothing (the number taken from the unit's
 * counter too, so a failed intake leaves no gap).
 */
async function writeCase(db: Knex, receipt: Receipt, filed: Pick<CaseRecord, 'applicant' | 'materials' | 'authorityId'>, now: number, calendar: LiveCalendar): Promise<CaseRecord> {
  const { clerk, receiving, item, agentUnitId } = receipt;
  return db.transaction(async (trx) => {
    const caseNo = await nextCaseNo(trx, receiving.orgUnitId, localDate(CHINA_TIME, now));
    const ids = caseInstanceIds(caseNo);
    const received: CaseRecord = retimed({
      id: caseNo, caseNo, itemCode: item.code, itemName: item.name, orgUnitId: receiving.orgUnitId, ...filed,
      ...(receiving.windowId ? { windowId: receiving.windowId } : {}), status: 'received', ownerId: receiving.id,
      receivedAt: now, limits: limitsOf(item), currentSteps: [], cards: [], visits: 1, version: 1, instanceId: ids.process,
    }, calendar);
    // 代办: the centre above's window takes it up, this centre stays its agent.
    const { ownerId: _receivingClerk, ...unowned } = received;
    const record: CaseRecord = agentUnitId ? { ...unowned, agency: { unitId: agentUnitId, clerkId: clerk.id, at: now } } : received;
    await insertCase(trx, record, receipt.intakeKey);
    if (agentUnitId) await appendLog(trx, record.id, { at: now, actorId: clerk.id, action: 'forwarded', detail: { from: agentUnitId, to: record.orgUnitId } });
    await appendLog(trx, record.id, { at: now, actorId: clerk.id, action: 'intake', detail: { item: item.code, provided: receipt.provided, ...(agentUnitId ? { forwardedTo: record.orgUnitId } : {}) } });
    await appendLog(trx, record.id, { at: now, actorId: clerk.id, action: 'process-started', detail: { processId: receipt.process.processId, ...(receipt.process.version ? { version: receipt.process.version } : {}), instanceId: ids.process, watchInstanceId: ids.watch } });
    return record;
  });
}

/**
 * A case already taken in with this request's key (a retry after a timeout, or after the first
 * attempt died between the case's commit and the engine's): the same request gets that case,
 * its instances started if they are not yet; another request under the same key is refused.
 */
async function resumed(db: Knex, engine: Engine, record: CaseRecord, request: IntakeRequest): Promise<CaseRecord> {
  const provided = record.materials.filter((m) => m.provided).map((m) => m.name).sort();
  const same = record.itemCode === request.itemCode && JSON.stringify(record.applicant) === JSON.stringify(request.applicant)
    && JSON.stringify(provided) === JSON.stringify([...request.provided].sort()) && Boolean(record.agency) === (request.forward === true);
  if (!same) throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key 已用于另一项不同内容的收件；新的提交请换一个新的键值', [{ field: 'Idempotency-Key', problem: '已用于不同的请求' }]);
  const item = await findItem(db, record.itemCode);
  if (item) await startCaseInstances(engine, record, item, await itemProcess(db, item));
  return record;
}

/** The applicant's ID number or credit code, by the one check the window's page runs too. */
function checkApplicant(applicant: Applicant): void {
  const found = applicantIdProblem(applicant);
  if (found) throw new ApiError(400, 'APPLICANT_INVALID', found.problem, [{ field: `applicant.${found.field}`, problem: found.problem }]);
}

/** The item's material list, ticked; a name not on the list is refused so nothing is lost silently. */
function checklist(item: ServiceItem, provided: readonly string[]): CaseRecord['materials'] {
  const known = new Set(item.materials.map((m) => m.name));
  const unknown = provided.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new ApiError(400, 'MATERIAL_UNKNOWN', `「${unknown.join('、')}」不在本事项的材料清单中`, unknown.map((name) => ({ field: 'provided', problem: name })));
  return item.materials.map((m) => ({ name: m.name, required: m.required, provided: provided.includes(m.name) }));
}
