import { workingDaysBetween } from '../../engine/index.js';
import type { WorkingCalendar } from '../../engine/index.js';
import type { CaseRecord } from '../cases/types.js';
import { CLOSED_STATUSES } from '../cases/types.js';

/** The dates of a case a clerk counts down to. */
const COUNTED = ['acceptanceDueAt', 'dueAt', 'statutoryDueAt'] as const;
export type CountedDate = (typeof COUNTED)[number];

/**
 * Working days from today to each due date the case has while it is open (剩余N个工作日):
 * the working days after today up to and including the due date's day, so the last day
 * itself counts 0 and a date passed counts below 0. Acceptance's date only until the case is
 * accepted or sent to correction. Closed cases count nothing. Pure.
 */
export function timeLeft(c: CaseRecord, now: number, calendar: WorkingCalendar): Partial<Record<CountedDate, number>> {
  if (CLOSED_STATUSES.includes(c.status)) return {};
  const left: Partial<Record<CountedDate, number>> = {};
  for (const field of COUNTED) {
    const due = c[field];
    if (due === undefined || (field === 'acceptanceDueAt' && (c.acceptedAt !== undefined || c.status === 'correcting'))) continue;
    left[field] = workingDaysBetween(calendar, now, due);
  }
  return left;
}
