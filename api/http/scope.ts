import type { Knex } from 'knex';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from '../cases/types.js';
import { findCase } from '../cases/repository.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { notFound } from './errors.js';

/**
 * A case the caller may see: handled in their org unit or below, or taken in there for another
 * centre (代办). Anything else answers as if it did not exist, so a village clerk cannot even
 * learn another village's case numbers.
 */
export async function visibleCase(db: Knex, staff: Staff, id: string): Promise<CaseRecord> {
  const record = await findCase(db, id);
  const scope = record ? unitAndBelow(await allUnits(db), staff.orgUnitId) : [];
  if (!record || !(scope.includes(record.orgUnitId) || (record.agency && scope.includes(record.agency.unitId)))) throw notFound('办件');
  return record;
}

/** The org units a person sees: their own and everything below it. */
export async function scopeOf(db: Knex, staff: Staff): Promise<string[]> {
  return unitAndBelow(await allUnits(db), staff.orgUnitId);
}
