import { dayOfWeek, isLocalDate } from '../../engine/calendar/index.js';
import type { EnteredArrangement } from './china-calendar.js';

/** A problem with an arrangement as entered: the field to fix and what is wrong, in Chinese. */
export interface ArrangementProblem {
  field: string;
  problem: string;
}

/**
 * The years an administrator may enter: last year (a correction), this year and next year
 * (the State Council publishes next year's arrangement in November or December). Pure.
 */
export function enterableYears(today: string): [number, number] {
  const year = Number(today.slice(0, 4));
  return [year - 1, year + 1];
}

/**
 * Checks an entered arrangement against what a State Council notice can say: every day a real
 * date of that year, no day listed twice, make-up working days only on Saturdays and Sundays,
 * at least one day off. Returns every problem at once (empty when it is fine). Pure.
 */
export function arrangementProblems(a: Pick<EnteredArrangement, 'year' | 'holidays' | 'workdays'>, today: string): ArrangementProblem[] {
  const [first, last] = enterableYears(today);
  const problems: ArrangementProblem[] = [];
  if (!Number.isInteger(a.year) || a.year < first || a.year > last) problems.push({ field: 'year', problem: `只能录入 ${first} 年至 ${last} 年的节假日安排` });
  if (a.holidays.length === 0) problems.push({ field: 'holidays', problem: '请至少录入一个放假日' });
  const seen = new Map<string, string>();
  const days = [...a.holidays.map((d, i) => ({ ...d, field: `holidays.${i}` })), ...a.workdays.map((d, i) => ({ ...d, field: `workdays.${i}`, workday: true }))];
  for (const day of days) {
    const problem = dayProblem(day, a.year, seen.get(day.date));
    if (problem) problems.push({ field: `${day.field}.date`, problem });
    seen.set(day.date, day.field);
  }
  return problems;
}

function dayProblem(day: { date: string; workday?: boolean }, year: number, earlier: string | undefined): string | undefined {
  if (!isLocalDate(day.date)) return `「${day.date}」不是有效日期，请写成 ${year}-01-01 这样的格式`;
  if (!day.date.startsWith(`${year}-`)) return `${day.date} 不在 ${year} 年内`;
  if (earlier) return `${day.date} 重复录入（与 ${earlier} 相同），每天只能录入一次`;
  const weekday = dayOfWeek(day.date);
  if (day.workday && weekday !== 0 && weekday !== 6) return `${day.date} 是工作日，调休上班日只能是周六或周日`;
  return undefined;
}
