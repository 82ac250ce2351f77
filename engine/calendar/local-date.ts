import { EngineError } from '../errors.js';
import type { LocalDate } from './types.js';
import type { TimeZone } from './time-zone.js';

export const DAY_MS = 86_400_000;

/** The largest |instant| a JavaScript Date can hold. */
const MAX_INSTANT = 8.64e15;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The local date of an instant in `zone`. Pure. */
export function localDate(zone: TimeZone, instant: number): LocalDate {
  assertInstant(instant);
  return formatEpochDay(Math.floor((instant + zone.offsetAt(instant)) / DAY_MS));
}

/** Milliseconds since local midnight in `zone` (wall-clock time: 09:00 is 9 h, also on a day that changed its clock). Pure. */
export function localTimeOfDay(zone: TimeZone, instant: number): number {
  assertInstant(instant);
  const ms = (instant + zone.offsetAt(instant)) % DAY_MS;
  return ms < 0 ? ms + DAY_MS : ms;
}

/**
 * The instant when the wall clock of `zone` reads `msOfDay` after midnight of `day`. A wall
 * time a clock change skips is read with the offset before the change (02:30 on a spring-forward
 * night is 03:30), one it repeats as its first occurrence, as java.time does. Pure.
 */
export function atLocalTime(zone: TimeZone, day: LocalDate, msOfDay = 0): number {
  const wall = epochDay(day) * DAY_MS + msOfDay;
  const before = zone.offsetAt(wall - zone.offsetAt(wall) - DAY_MS / 2);
  const guess = wall - before;
  const offset = zone.offsetAt(guess);
  if (offset === before) return guess;
  // The clock changed between: the wall time under the new offset, unless the change skipped it.
  const after = wall - offset;
  return zone.offsetAt(after) === offset ? after : guess;
}

/** The last millisecond (23:59:59.999 local) of `day` in `zone`. Pure. */
export function endOfLocalDay(zone: TimeZone, day: LocalDate): number {
  return atLocalTime(zone, addDays(day, 1)) - 1;
}

/** `day` moved by `n` calendar days (n may be negative). Pure. */
export function addDays(day: LocalDate, n: number): LocalDate {
  return formatEpochDay(epochDay(day) + n);
}

/**
 * `day` moved by `n` calendar months, clamped to the month's end the way java.time and
 * Camunda do: 2026-01-31 + 1 month = 2026-02-28. Pure.
 */
export function addMonths(day: LocalDate, n: number): LocalDate {
  const { year, month, date } = partsOf(day);
  const index = year * 12 + (month - 1) + n;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatParts(newYear, newMonth, Math.min(date, daysInMonth(newYear, newMonth)));
}

/** Day of the week, 0 = Sunday … 6 = Saturday. Pure. */
export function dayOfWeek(day: LocalDate): number {
  // 1970-01-01 was a Thursday.
  return (((epochDay(day) + 4) % 7) + 7) % 7;
}

/** Whether `text` is a real calendar day written `YYYY-MM-DD` (2027-02-30 is not). Pure. */
export function isLocalDate(text: unknown): text is LocalDate {
  const match = typeof text === 'string' ? LOCAL_DATE.exec(text) : null;
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 && Number(match[3]) >= 1 && Number(match[3]) <= daysInMonth(Number(match[1]), month);
}

/** Throws CALENDAR_DATE_INVALID unless `day` is a real `YYYY-MM-DD` day. Pure. */
export function assertLocalDate(day: unknown): asserts day is LocalDate {
  if (!isLocalDate(day)) {
    throw new EngineError('CALENDAR_DATE_INVALID', `"${String(day)}" is not a day; write YYYY-MM-DD, e.g. 2026-10-01`, { day });
  }
}

/** Number of days in a month (month 1-12). Pure. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? Number.NaN);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function assertInstant(instant: number): void {
  if (typeof instant !== 'number' || !Number.isFinite(instant) || Math.abs(instant) > MAX_INSTANT) {
    throw new EngineError('CALENDAR_INSTANT_INVALID', `${String(instant)} is not an instant; pass epoch milliseconds`, { instant });
  }
}

function partsOf(day: LocalDate): { year: number; month: number; date: number } {
  assertLocalDate(day);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, date };
}

function epochDay(day: LocalDate): number {
  const { year, month, date } = partsOf(day);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, date);
  return Math.round(d.getTime() / DAY_MS);
}

function formatEpochDay(n: number): LocalDate {
  const d = new Date(n * DAY_MS);
  return formatParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function formatParts(year: number, month: number, date: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
