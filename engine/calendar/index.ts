/*
 * The pure working-day API. The chinese-days adapter is left out on purpose: engine/runtime
 * may import this index, and its lint rule keeps `calendar/chinese*` out of the runtime.
 * The composition root imports `./chinese-days.js` and hands the calendar in through ctx.
 */
export type { DayInfo, DayOverride, DaySource, LocalDate, WorkingCalendar } from './types.js';
export {
  CHINA_OFFSET_MS, DAY_MS, addDays, addMonths, assertLocalDate, atLocalTime, dayOfWeek, daysInMonth,
  endOfLocalDay, isLocalDate, localDate, localTimeOfDay,
} from './local-date.js';
export { validateOverrides, withOverrides } from './overrides.js';
export { weekdayCalendar, weekdayInfo } from './weekdays.js';
export {
  addWorkingDays, deadlineAfterReceipt, isWorkingDay, nextWorkingDay, nthWorkingDay, workingDaysBetween,
} from './working-days.js';
