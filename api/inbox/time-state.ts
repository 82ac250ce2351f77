import type { Knex } from 'knex';
import type { WorkingCalendar } from '../../engine/index.js';
import { workingDaysBetween } from '../../engine/index.js';
import { atLocalTime, localDate, nthWorkingDay } from '../../engine/calendar/index.js';
import { CHINA_TIME } from '../calendar/china-time.js';

/**
 * Where a step or case stands against its time limit, as the cards of 电子监察 mark it
 * (api/supervision/card-rules.ts): yellow from the working day before its due day (临近时限:
 * one working day left, or the last day), red once the due date passed (超过承诺时限),
 * overdue once the statutory date passed too (超过法定时限); normal before.
 */
export type TimeState = 'normal' | 'yellow' | 'red' | 'overdue';
export const TIME_STATES = ['normal', 'yellow', 'red', 'overdue'] as const;

/** Working days left to a due date (剩余N个工作日: the due day counts 0, a date passed below 0), and its state. Pure. */
export function timeStanding(cal: WorkingCalendar, now: number, dueAt: number | undefined, statutoryDueAt: number | undefined): { workingDaysLeft: number | null; timeState: TimeState | null } {
  if (dueAt === undefined) return { workingDaysLeft: null, timeState: statutoryDueAt !== undefined && statutoryDueAt < now ? 'overdue' : null };
  const workingDaysLeft = workingDaysBetween(cal, now, dueAt);
  const timeState: TimeState = statutoryDueAt !== undefined && statutoryDueAt < now ? 'overdue'
    : dueAt < now ? 'red' : dueAt <= yellowUntil(cal, now) ? 'yellow' : 'normal';
  return { workingDaysLeft, timeState };
}

/** The last instant a due date may fall on and leave at most one working day: the eve of the second working day after today. Pure. */
export function yellowUntil(cal: WorkingCalendar, now: number): number {
  return atLocalTime(CHINA_TIME, nthWorkingDay(cal, localDate(CHINA_TIME, now), 2)) - 1;
}

/** The same states as conditions on a query's due columns (SQL names them), for the filter. Pure but for the builder it changes. */
export function whereTimeState(q: Knex.QueryBuilder, state: TimeState, cal: WorkingCalendar, now: number, due: string, statutory: string): Knex.QueryBuilder {
  if (state === 'overdue') return q.where(statutory, '<', now);
  q.where((w) => w.whereNull(statutory).orWhere(statutory, '>=', now));
  if (state === 'red') return q.where(due, '<', now);
  if (state === 'yellow') return q.where(due, '>=', now).where(due, '<=', yellowUntil(cal, now));
  return q.where(due, '>', yellowUntil(cal, now));
}
