import chineseDays from 'chinese-days';
import { validateOverrides, withOverrides } from './overrides.js';
import { weekdayInfo } from './weekdays.js';
import type { DayInfo, DayOverride, LocalDate, WorkingCalendar } from './types.js';

/*
 * How chinese-days 1.5.7 reads dates, and why we hand it 'YYYY-MM-DD' strings only.
 * At import it builds its table by parsing 'Y-M-D' as UTC midnight and keying each day by
 * the *process-local* calendar date of that instant; a lookup does the same to a string
 * argument, but reads a Date argument in local time. West of Greenwich the keys therefore
 * sit one day early (2026-02-15 is stored as 2026-02-14): a string lookup takes the identical
 * detour and hits the right entry, a Date lookup misses it. Its weekend fallback looks at the
 * shifted day, so we trust the package only for table hits and decide weekends ourselves.
 * Node re-reads TZ when process.env.TZ is assigned, so the zone must not change after import.
 */

/** The first year the package has arrangements for. */
export const statutoryDataFrom = 2004;

/** English names the package gives days it has no entry for (its weekday fallback). */
const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

/** The package's own entry for `day` (holiday or make-up working day), if it has one. Pure. */
function statutoryInfo(day: LocalDate): DayInfo | undefined {
  const detail = chineseDays.getDayDetail(day);
  if (WEEKDAY_NAMES.has(detail.name)) return undefined;
  // The package's description reads 'Spring Festival,春节,4': English, Chinese, days off by law.
  const name = detail.name.split(',')[1] ?? detail.name;
  return { date: day, working: detail.work, name, source: 'statutory' };
}

/**
 * The last year the package has the State Council's arrangement for (2026 in 1.5.7). Later
 * days fall back to plain Monday-Friday, so an administrator must enter overrides for them.
 * Found by probing rather than hard-coded so a package upgrade moves it by itself:
 * every year's arrangement contains its New Year's Day.
 */
export const statutoryDataUntil: number = lastCoveredYear();

function lastCoveredYear(): number {
  let year = statutoryDataFrom;
  while (statutoryInfo(`${year + 1}-01-01`)) year += 1;
  return year;
}

/**
 * Whether `year` has an arrangement, from the package or from at least one override: when
 * false, the administrator should be warned that the year counts as plain Monday-Friday. Pure.
 * @throws EngineError CALENDAR_OVERRIDE_INVALID when the table is malformed.
 */
export function hasArrangement(year: number, overrides: readonly DayOverride[] = []): boolean {
  if (year >= statutoryDataFrom && year <= statutoryDataUntil) return true;
  return [...validateOverrides(overrides).keys()].some((day) => day.startsWith(`${year}-`));
}

/**
 * The working calendar of mainland China: statutory holidays and make-up working days from
 * chinese-days, under the administrator's override table, which wins. Days the package does
 * not cover are plain Monday-Friday (source 'weekday'). Pure: the package's data is static.
 * @throws EngineError CALENDAR_OVERRIDE_INVALID when the table is malformed.
 */
export function chineseDaysCalendar(overrides: readonly DayOverride[] = []): WorkingCalendar {
  return withOverrides((day) => statutoryInfo(day) ?? weekdayInfo(day), overrides);
}
