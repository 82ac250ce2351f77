/*
 * The pure working-day API: the calendar port, a weekday calendar with an override table, and
 * the arithmetic. A country's holidays are the embedder's (yichuang's China calendar lives in
 * api/calendar/) and come in through the engine's `calendar` option.
 */
export type { DayInfo, DayOverride, DaySource, LocalDate, WorkingCalendar } from './types.js';
export { UTC_ZONE, timeZone } from './time-zone.js';
export type { TimeZone } from './time-zone.js';
export {
  DAY_MS, addDays, addMonths, assertLocalDate, atLocalTime, dayOfWeek, daysInMonth,
  endOfLocalDay, isLocalDate, localDate, localTimeOfDay,
} from './local-date.js';
export { validateOverrides, withOverrides } from './overrides.js';
export { weekdayCalendar, weekdayInfo } from './weekdays.js';
export {
  addWorkingDays, deadlineAfterReceipt, isWorkingDay, nextWorkingDay, nthWorkingDay, workingDaysBetween,
} from './working-days.js';
