import type { Knex } from 'knex';
import type { CaseRecord } from './types.js';
import { caseLog, updateCase } from './repository.js';
import { requireGrounds } from './refusal.js';
import { allUnits, countyOf } from '../org/units.js';

/** The log line of a filed refusal, if the case has one. */
async function filing(db: Knex, caseId: string) {
  return (await caseLog(db, caseId)).find((e) => e.action === 'rejection-filed');
}

/**
 * 否定报备: the refusal, with its reasons and legal basis, is filed with the county's 审管办
 * (the body 温政办〔2017〕40号 gives the supervision of the centres), once. Not pure.
 */
export async function fileRejection(db: Knex, c: CaseRecord, vars: Record<string, unknown>, at: number): Promise<void> {
  const grounds = await requireGrounds(db, c, vars, at);
  if (await filing(db, c.id)) return;
  const units = await allUnits(db);
  const county = units.find((u) => u.id === countyOf(units, c.orgUnitId));
  await updateCase(db, c.id, (x) => x, { at, action: 'rejection-filed', detail: { ...grounds, ownerId: c.ownerId, filedWith: `${county?.name ?? ''}审管办` } });
}

/** Where the refusal was filed, once it was: a notice says it was filed only then. */
export async function filedWith(db: Knex, caseId: string): Promise<string | undefined> {
  const line = await filing(db, caseId);
  return typeof line?.detail.filedWith === 'string' ? line.detail.filedWith : undefined;
}
