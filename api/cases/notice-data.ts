import type { Knex } from 'knex';
import type { CaseRecord } from './types.js';
import { findItem } from '../catalog/catalog.js';
import { allUnits } from '../org/units.js';
import { wordingOf } from '../notices/wording.js';

/** A date as notices print it: 2026年3月16日 (China time). Pure. */
export const printedDate = (ms: number): string =>
  new Date(ms).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** What every notice of a case prints: applicant, item, centre, window, dates and the complaint phone. */
export async function noticeData(db: Knex, c: CaseRecord, at: number): Promise<Record<string, unknown>> {
  const units = await allUnits(db);
  const unit = units.find((u) => u.id === c.orgUnitId);
  // 代办后上报: the result goes back to the centre that took the case in for the applicant.
  const agent = c.agency ? units.find((u) => u.id === c.agency!.unitId) : undefined;
  const item = await findItem(db, c.itemCode);
  return {
    applicant: c.applicant, itemName: c.itemName, caseId: c.caseNo, trackingCode: c.trackingCode, receivedDate: printedDate(c.receivedAt), centerName: unit?.centerName,
    date: printedDate(at), complaintPhone: item?.complaintPhone ?? '12345',
    windowName: agent ? `${agent.centerName}综合窗口（代办点）` : `${unit?.centerName ?? ''}${item?.window ?? ''}窗口`,
    ...(item ? { correctionBasis: wordingOf(item.type).correctionBasis } : {}),
  };
}
