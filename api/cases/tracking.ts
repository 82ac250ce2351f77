import { timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import type { CaseStatus } from './types.js';
import { findCaseByNo } from './repository.js';
import { statusNames } from './status-names.js';
import { noticesOf } from '../notices/store.js';
import { ApiError } from '../http/errors.js';

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

/** The same answer whether the number or the code is wrong, so neither can be probed. */
export const trackNotFound = () => new ApiError(404, 'NOT_FOUND', '未找到办件，请核对办件编号和查询码（印在收件凭证和告知书上）');

/**
 * 办件查询 for the applicant: with the case number and its tracking code (查询码, printed on
 * the receipt and the notices), what stage the case is at, when it is due, why the clock
 * stopped, which notices were issued. Names only: no ID number, no phone, no staff, no notice text.
 */
export async function trackCase(db: Knex, caseNo: string, code: string): Promise<TrackView> {
  const c = await findCaseByNo(db, caseNo);
  if (!c?.trackingCode || !sameCode(c.trackingCode, code)) throw trackNotFound();
  return {
    caseNo: c.caseNo, itemName: c.itemName, applicantName: masked(c.applicant.name), status: c.status, statusName: statusNames[c.status],
    receivedAt: c.receivedAt, ...(c.acceptedAt ? { acceptedAt: c.acceptedAt } : {}), ...(c.dueAt ? { dueAt: c.dueAt } : {}),
    clockStopped: c.clockStoppedAt !== undefined, currentSteps: c.currentSteps.map((s) => ({ name: s.name, ...(s.dueAt ? { dueAt: s.dueAt } : {}) })),
    clockStops: (c.clockStops ?? []).map(({ kind: _kind, ...stop }) => stop),
    notices: (await noticesOf(db, c.id)).map((n) => ({ title: n.title, issuedAt: n.createdAt })), visits: c.visits,
  };
}

/** Compared in constant time, so the answer's timing tells nothing about how much of a code was right. Pure. */
function sameCode(stored: string, given: string): boolean {
  const [a, b] = [Buffer.from(stored), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 王芳 -> 王*, 欧阳娜娜 -> 欧***. Pure. */
function masked(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

