import { EngineError } from '../errors.js';
import { addDays, atLocalTime, endOfLocalDay, localDate, localTimeOfDay } from './local-date.js';
import type { LocalDate, WorkingCalendar } from './types.js';

export { localDate } from './local-date.js';

/** A year without one working day means a broken override table; stop instead of looping. */
const MAX_DAYS_WITHOUT_WORK = 366;

/** Whether `day` is a working day in `cal`. Pure. */
export function isWorkingDay(cal: WorkingCalendar, day: LocalDate): boolean {
  return cal.dayInfo(day).working;
}

/**
 * The first working day strictly after `day`. Pure.
 * @throws EngineError CALENDAR_NO_WORKING_DAY when a whole year has none.
 */
export function nextWorkingDay(cal: WorkingCalendar, day: LocalDate): LocalDate {
  let candidate = day;
  for (let i = 0; i < MAX_DAYS_WITHOUT_WORK; i += 1) {
    candidate = addDays(candidate, 1);
    if (isWorkingDay(cal, candidate)) return candidate;
  }
  throw new EngineError('CALENDAR_NO_WORKING_DAY',
    `the calendar has no working day in the ${MAX_DAYS_WITHOUT_WORK} days after ${day}; check the override table`, { day });
}

/**
 * The n-th working day after `day`, as chinese-days' `findWorkday(n, day)` counts: n = 0
 * is `day` itself when it is a working day, else the next working day. Pure.
 * @throws EngineError CALENDAR_COUNT_INVALID unless n is a whole number ≥ 0.
 */
export function nthWorkingDay(cal: WorkingCalendar, day: LocalDate, n: number): LocalDate {
  assertCount(n);
  if (n === 0) return isWorkingDay(cal, day) ? day : nextWorkingDay(cal, day);
  let current = day;
  for (let i = 0; i < n; i += 1) current = nextWorkingDay(cal, current);
  return current;
}

/**
 * The same wall-clock time (in the calendar's zone) on the n-th working day after the instant's local date
 * (whether or not that date is itself a working day). n = 0 keeps an instant that falls on
 * a working day and moves any other to the same time on the next working day, so "0
 * working days" never ends on a holiday. Pure.
 */
export function addWorkingDays(cal: WorkingCalendar, instant: number, n: number): number {
  const day = nthWorkingDay(cal, localDate(cal.timeZone, instant), n);
  return atLocalTime(cal.timeZone, day, localTimeOfDay(cal.timeZone, instant));
}

/**
 * Working days in (from's local date, to's local date]: the days after `from` up to and
 * including `to`, so `workingDaysBetween(cal, t, addWorkingDays(cal, t, n)) === n`. Negative
 * when `to` is earlier. The time of day is ignored. Pure.
 */
export function workingDaysBetween(cal: WorkingCalendar, fromInstant: number, toInstant: number): number {
  const from = localDate(cal.timeZone, fromInstant);
  const to = localDate(cal.timeZone, toInstant);
  if (to < from) return -workingDaysBetween(cal, toInstant, fromInstant);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(cal, day)) count += 1;
  }
  return count;
}

/**
 * The legal deadline of a time limit of n working days (行政许可法 §82: counting starts the
 * day after receipt): 23:59:59.999 in the calendar's zone on the n-th working day after the day of
 * receipt. n = 0 (an immediate item, 即办) is the end of the day of receipt. Pure.
 * @throws EngineError CALENDAR_COUNT_INVALID unless n is a whole number ≥ 0.
 */
export function deadlineAfterReceipt(cal: WorkingCalendar, receivedInstant: number, n: number): number {
  assertCount(n);
  const received = localDate(cal.timeZone, receivedInstant);
  return endOfLocalDay(cal.timeZone, n === 0 ? received : nthWorkingDay(cal, received, n));
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new EngineError('CALENDAR_COUNT_INVALID', `${String(n)} is not a number of working days; use a whole number ≥ 0`, { n });
  }
}
