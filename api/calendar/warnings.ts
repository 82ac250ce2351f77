import type { ArrangementStatus } from './china-calendar.js';

export interface CalendarWarning {
  year: number;
  message: string;
}

/**
 * What administrators must be told about the calendar on `today` (YYYY-MM-DD, China time):
 * this year counted without its arrangement, always; next year's missing, from 1 November,
 * when the State Council usually publishes it. Pure.
 */
export function calendarWarnings(today: string, statusOf: (year: number) => ArrangementStatus): CalendarWarning[] {
  const year = Number(today.slice(0, 4));
  const years = today.slice(5) >= '11-01' ? [year, year + 1] : [year];
  return years.filter((y) => statusOf(y) === 'provisional').map((y) => ({
    year: y,
    message: `${y}年的节假日安排尚未录入：目前只按法定节假日（含周末补假）暂定计算，调休上班日未计入，办件的承诺日期可能因此偏差。`
      + `国务院办公厅公布${y}年部分节假日安排后，请管理员及时录入（PUT /api/v1/calendar/${y}）。`,
  }));
}
