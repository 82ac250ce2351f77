import { addDays, addMonths, atLocalTime, localDate, localTimeOfDay } from '../calendar/local-date.js';
import type { TimeZone } from '../calendar/time-zone.js';
import { addWorkingDays } from '../calendar/working-days.js';
import type { WorkingCalendar } from '../calendar/types.js';
import { timeInvalid } from './invalid.js';

/** An ISO 8601 duration split into its designators. All parts ≥ 0; only seconds may be fractional. */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export interface AddDurationOptions {
  /** The zone whose wall clock the day part moves on (P1D is the same time on the next day there). */
  zone: TimeZone;
  /** Count the day part in this calendar's working days instead of calendar days. */
  workingDays?: WorkingCalendar;
}

// Case-insensitive like java.time's Period/Duration parsers, which Camunda models are written for.
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=[\d.,]+[HMS])(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
const PARTS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/**
 * Parses an ISO 8601 duration such as `P1Y2M3W4DT5H6M7.5S`. Pure.
 * @throws EngineError TIME_INVALID for anything else, including negative durations.
 */
export function parseDuration(text: string): Duration {
  const match = typeof text === 'string' ? DURATION.exec(text) : null;
  if (!match || /^P$/i.test(text)) throw timeInvalid('duration', text, whyNotDuration(text));
  const duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  PARTS.forEach((part, i) => {
    const value = Number((match[i + 1] ?? '0').replace(',', '.'));
    if (!Number.isSafeInteger(Math.floor(value))) throw timeInvalid('duration', text, `has a ${part} count too large to compute`);
    duration[part] = value;
  });
  return duration;
}

/** Writes a duration back in ISO 8601 form (`P0D` when empty). Pure. */
export function formatDuration(d: Duration): string {
  const date = `${part(d.years, 'Y')}${part(d.months, 'M')}${part(d.weeks, 'W')}${part(d.days, 'D')}`;
  const time = `${part(d.hours, 'H')}${part(d.minutes, 'M')}${part(d.seconds, 'S')}`;
  return date === '' && time === '' ? 'P0D' : `P${date}${time === '' ? '' : `T${time}`}`;
}

/**
 * The instant plus a duration, on the wall clock of `options.zone`: years and months move the local date
 * (clamped to the month's end: 01-31 + P1M = 02-28 or 02-29), weeks and days move it by
 * calendar days keeping the wall-clock time, hours/minutes/seconds add exact milliseconds.
 *
 * With `workingDays`, the days part counts working days (via `addWorkingDays`, same
 * wall-clock time) and the time part is added after; a duration without days is not moved
 * onto a working day. Years, months and weeks are refused there: "a week" of working days
 * could mean 5 or 7, and a limit in working days is always written as days (P20D). Pure.
 * @throws EngineError TIME_INVALID for years, months or weeks counted in working days.
 */
export function addDuration(instant: number, duration: Duration, options: AddDurationOptions): number {
  const cal = options.workingDays;
  const moved = cal ? addWorkingPart(instant, duration, cal) : addCalendarPart(instant, duration, options.zone);
  return moved + duration.hours * 3_600_000 + duration.minutes * 60_000 + Math.round(duration.seconds * 1000);
}

function addCalendarPart(instant: number, d: Duration, zone: TimeZone): number {
  if (d.years === 0 && d.months === 0 && d.weeks === 0 && d.days === 0) return instant;
  const day = addDays(addMonths(localDate(zone, instant), d.years * 12 + d.months), d.weeks * 7 + d.days);
  return atLocalTime(zone, day, localTimeOfDay(zone, instant));
}

function addWorkingPart(instant: number, d: Duration, cal: WorkingCalendar): number {
  if (d.years > 0 || d.months > 0 || d.weeks > 0) {
    throw timeInvalid('duration', formatDuration(d),
      'cannot be counted in working days: only days are (P10D, P3DT4H), since years, months and weeks are ambiguous there');
  }
  return d.days === 0 ? instant : addWorkingDays(cal, instant, d.days);
}

function whyNotDuration(text: unknown): string {
  if (typeof text !== 'string') return 'is not text';
  if (/^[-+]|P.*-/i.test(text)) return 'is negative or signed; timers only count forward';
  if (/[.,]\d*[YMWDH]/i.test(text)) return 'has a fraction outside the seconds';
  if (/T$/i.test(text)) return 'has a T with no hours, minutes or seconds after it';
  return 'is not an ISO 8601 duration';
}

function part(value: number, designator: string): string {
  return value === 0 ? '' : `${value}${designator}`;
}
