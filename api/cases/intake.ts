import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
import type { Staff } from '../auth/types.js';
import type { Applicant, CaseRecord } from './types.js';
import { findItem } from '../catalog/catalog.js';
import { ApiError } from '../http/errors.js';
import { applicantIdProblem } from '../validation/applicant.js';
import { appendLog, insertCase, updateCase } from './repository.js';
import { nextCaseNo } from './case-numbers.js';
import { authorityForIntake } from './case-authority.js';
import { localDate } from '../../engine/calendar/local-date.js';
import { limitsOf } from '../time-limits/limits.js';
import { retimed } from '../time-limits/deadlines.js';
import type { LiveCalendar } from '../time-limits/timed-update.js';
import { startWatch } from '../supervision/watch.js';
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
}

/**
 * 综合受理: any item at the one window. Checks the item, the applicant and the materials,
 * records the case with the receiving clerk as its first-ask owner, and starts the item's
 * process. The case number is the applicant's handle on it. An item above this centre's level
 * is taken in for the centre that handles it (代办后上报): the case is that centre's, numbered
 * there, its window takes it up, and this centre stays its agent.
 */
export async function intake(db: Knex, engine: Engine, clerk: Staff, request: IntakeRequest): Promise<CaseRecord> {
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
  const inserted = await insertWithNumber(db, receiving, item, { applicant: request.applicant, materials, authorityId: authority.id }, now, calendar);
  const record = handling.agentUnitId ? await forwarded(db, inserted, clerk, handling.agentUnitId, now) : inserted;
  await appendLog(db, record.id, { at: now, actorId: clerk.id, action: 'intake', detail: { item: item.code, provided: request.provided, ...(handling.agentUnitId ? { forwardedTo: handling.unitId } : {}) } });
  const process = await itemProcess(db, item);
  const instance = await engine.start(process.processId, {
    caseId: record.id, caseNo: record.caseNo, itemCode: item.code, itemName: item.name, applicant: request.applicant,
    promisedDays: item.promisedDays, departments: item.departments,
    missingMaterials: materials.filter((m) => m.required && !m.provided).map((m) => m.name),
  }, { businessKey: record.id, version: process.version });
  const watchId = await startWatch(engine, record.id);
  // Through updateCase: the process may already have opened its first step on the case.
  return updateCase(db, record.id, (c) => ({ ...c, instanceId: instance.id }), { at: now, actorId: clerk.id, action: 'process-started', detail: { processId: process.processId, definitionKey: instance.definitionKey, instanceId: instance.id, watchInstanceId: watchId } });
}

/** A case taken in for another centre: that centre's window takes it up, this one is its agent (代办点). */
async function forwarded(db: Knex, record: CaseRecord, clerk: Staff, agentUnitId: string, at: number): Promise<CaseRecord> {
  const { ownerId: _receivingClerk, ...rest } = record;
  return updateCase(db, record.id, () => ({ ...rest, agency: { unitId: agentUnitId, clerkId: clerk.id, at } }),
    { at, actorId: clerk.id, action: 'forwarded', detail: { from: agentUnitId, to: record.orgUnitId } });
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

/** The case, numbered and inserted in one transaction: the number is the unit's next of the day, taken from its counter. */
async function insertWithNumber(db: Knex, clerk: Staff, item: ServiceItem, filed: Pick<CaseRecord, 'applicant' | 'materials' | 'authorityId'>, now: number, calendar: LiveCalendar): Promise<CaseRecord> {
  return db.transaction(async (trx) => {
    const caseNo = await nextCaseNo(trx, clerk.orgUnitId, localDate(CHINA_TIME, now));
    const record: CaseRecord = retimed({
      id: caseNo, caseNo, itemCode: item.code, itemName: item.name, orgUnitId: clerk.orgUnitId, ...filed,
      ...(clerk.windowId ? { windowId: clerk.windowId } : {}), status: 'received', ownerId: clerk.id,
      receivedAt: now, limits: limitsOf(item), currentSteps: [], cards: [], visits: 1, version: 1,
    }, calendar);
    await insertCase(trx, record);
    return record;
  });
}
