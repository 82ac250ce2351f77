import type { Knex } from 'knex';
import type { CaseStatus } from './types.js';
import { findCaseByNo } from './repository.js';
import { noticesOf } from '../notices/store.js';
import { ApiError } from '../http/errors.js';

/** How a status reads to the applicant. */
const statusNames: Record<CaseStatus, string> = {
  received: '已收件，待受理', correcting: '待补正材料（补齐后受理）', handling: '办理中', suspended: '特别程序中',
  refused: '不予受理或不予许可', completed: '已办结', withdrawn: '已撤件',
};

export interface TrackView {
  caseNo: string;
  itemName: string;
  applicantName: string;
  status: CaseStatus;
  statusName: string;
  receivedAt: number;
  acceptedAt?: number;
  dueAt?: number;
  clockStopped: boolean;
  currentSteps: Array<{ name: string; dueAt?: number }>;
  clockStops: Array<{ name: string; days?: number; from: number; to?: number }>;
  notices: Array<{ title: string; issuedAt: number }>;
  visits: number;
}

/** The same answer whether the number or the phone is wrong, so neither can be probed. */
const notFound = () => new ApiError(404, 'NOT_FOUND', '未找到办件，请核对办件编号和联系电话后四位');

/**
 * 办件查询 for the applicant: with the case number and the last four digits of the phone
 * they gave, what stage the case is at, when it is due, why the clock stopped, which notices
 * were issued. Names only: no ID number, no phone, no staff, no notice text.
 */
export async function trackCase(db: Knex, caseNo: string, phoneLast4: string): Promise<TrackView> {
  const c = await findCaseByNo(db, caseNo);
  if (!c || c.applicant.phone.replace(/\D/g, '').slice(-4) !== phoneLast4) throw notFound();
  return {
    caseNo: c.caseNo, itemName: c.itemName, applicantName: masked(c.applicant.name), status: c.status, statusName: statusNames[c.status],
    receivedAt: c.receivedAt, ...(c.acceptedAt ? { acceptedAt: c.acceptedAt } : {}), ...(c.dueAt ? { dueAt: c.dueAt } : {}),
    clockStopped: c.clockStoppedAt !== undefined, currentSteps: c.currentSteps.map((s) => ({ name: s.name, ...(s.dueAt ? { dueAt: s.dueAt } : {}) })),
    clockStops: (c.clockStops ?? []).map(({ kind: _kind, ...stop }) => stop),
    notices: (await noticesOf(db, c.id)).map((n) => ({ title: n.title, issuedAt: n.createdAt })), visits: c.visits,
  };
}

/** 王芳 -> 王*, 欧阳娜娜 -> 欧***. Pure. */
function masked(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

