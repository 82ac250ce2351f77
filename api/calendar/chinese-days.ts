import chineseDays from 'chinese-days';
import type { DayInfo, LocalDate } from '../../engine/calendar/index.js';

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

/** The first year the package has the State Council's arrangement for. */
export const statutoryDataFrom = 2004;

/** English names the package gives days it has no entry for (its weekday fallback). */
const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

/**
 * The package's own entry for `day` (a holiday or make-up working day of a published
 * arrangement), if it has one; undefined for plain days and for years it does not cover. Pure.
 */
export function publishedDay(day: LocalDate): DayInfo | undefined {
  const detail = chineseDays.getDayDetail(day);
  if (WEEKDAY_NAMES.has(detail.name)) return undefined;
  // The package's description reads 'Spring Festival,春节,4': English, Chinese, days off by law.
  const name = detail.name.split(',')[1] ?? detail.name;
  return { date: day, working: detail.work, name, source: 'statutory' };
}

/**
 * The last year the package has the State Council's arrangement for (2026 in 1.5.7). Found by
 * probing rather than hard-coded so a package upgrade moves it by itself: every year's
 * arrangement contains its New Year's Day.
 */
export const statutoryDataUntil: number = lastCoveredYear();

function lastCoveredYear(): number {
  let year = statutoryDataFrom;
  while (publishedDay(`${year + 1}-01-01`)) year += 1;
  return year;
}

/** Whether the package holds the published arrangement of `year`. Pure. */
export function packageCovers(year: number): boolean {
  return year >= statutoryDataFrom && year <= statutoryDataUntil;
}
