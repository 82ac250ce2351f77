import { addMonths, endOfLocalDay, isWorkingDay, localDate, nextWorkingDay } from '../../engine/calendar/index.js';
import type { LocalDate, WorkingCalendar } from '../../engine/calendar/index.js';
import { periodEnd } from './counting.js';
import { CHINA_TIME } from '../calendar/china-time.js';

/**
 * The last days to seek a remedy against a decision delivered on `deliveredAt`: 行政复议 within
 * 60 days (行政复议法 §20) and 行政诉讼 within six months (行政诉讼法 §46), both counted from the day
 * after delivery (民法典 §201); a period in months ends on the corresponding day of its last
 * month, or that month's last day when it has none (§202); one whose last day is not a working
 * day ends on the next working day (§203). Pure.
 */
export function remedyDeadlines(cal: WorkingCalendar, deliveredAt: number): { review: number; lawsuit: number } {
  const delivered = localDate(CHINA_TIME, deliveredAt);
  const review = periodEnd(cal, delivered, { days: 60, unit: 'days' })!;
  return { review: endOfLocalDay(CHINA_TIME, review), lawsuit: endOfLocalDay(CHINA_TIME, onWorkingDay(cal, addMonths(delivered, 6))) };
}

function onWorkingDay(cal: WorkingCalendar, day: LocalDate): LocalDate {
  return isWorkingDay(cal, day) ? day : nextWorkingDay(cal, day);
}
