import { dayOfWeek } from './local-date.js';
import { withOverrides } from './overrides.js';
import type { DayInfo, DayOverride, LocalDate, WorkingCalendar } from './types.js';
import { UTC_ZONE } from './time-zone.js';
import type { TimeZone } from './time-zone.js';

/** Monday to Friday work, weekends off: what a day is when no table says otherwise. Pure. */
export function weekdayInfo(day: LocalDate): DayInfo {
  const weekday = dayOfWeek(day);
  return { date: day, working: weekday >= 1 && weekday <= 5, source: 'weekday' };
}

/**
 * A plain Monday-Friday calendar under an optional override table, for tests and for
 * places without statutory data, with days read in `timeZone` (default UTC). Pure.
 * @throws EngineError CALENDAR_OVERRIDE_INVALID when the table is malformed.
 */
export function weekdayCalendar(overrides: readonly DayOverride[] = [], timeZone: TimeZone = UTC_ZONE): WorkingCalendar {
  return withOverrides(weekdayInfo, overrides, timeZone);
}
