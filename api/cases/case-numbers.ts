import type { Knex } from 'knex';
import { nextInSeries } from '../counters/counters.js';

/** The width of a case's id column (yc_cases.id, and every case_id beside it). */
const CASE_ID_COLUMN = 40;

/**
 * The longest org unit id whose case numbers fit their column: the id, the day and a running
 * number of up to five digits (a unit that takes in more than 9,999 cases a day still fits).
 */
export const MAX_UNIT_ID_LENGTH = CASE_ID_COLUMN - '-20260302-00001'.length;

/**
 * 办件编号: the org unit, the day of receipt (China time) and that day's running number of the
 * unit, e.g. `330324-ob-20260302-0001`. Taken from the unit's counter inside the caller's
 * transaction (the one that inserts the case), so two clerks of one unit never get the same
 * number and a failed intake leaves no gap. Not pure.
 */
export async function nextCaseNo(trx: Knex.Transaction, orgUnitId: string, day: string): Promise<string> {
  const period = day.replace(/-/g, '');
  const n = await nextInSeries(trx, `case:${orgUnitId}`, period);
  return `${orgUnitId}-${period}-${String(n).padStart(4, '0')}`;
}
