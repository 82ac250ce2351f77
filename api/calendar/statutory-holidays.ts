import chineseDays from 'chinese-days';
import { addDays, dayOfWeek } from '../../engine/calendar/index.js';
import type { LocalDate } from '../../engine/calendar/index.js';

/**
 * The days off that 《全国年节及纪念日放假办法》 (as revised by 国务院令第795号, 2024, in force
 * from 2025) gives everyone, for a year whose State Council arrangement is not yet known:
 * 元旦 1 day, 春节 4 days (除夕 to 初三), 清明 1 (the solar term's day), 劳动节 2, 端午 1,
 * 中秋 1, 国庆 3 (§2). A holiday that falls on a Saturday or Sunday is made up on the next
 * weekday (补假, §6). The make-up working days (调休上班) are the State Council's choice
 * each year and cannot be computed: none are assumed.
 */
export interface StatutoryDayOff {
  date: LocalDate;
  /** The festival, e.g. 春节; a made-up day says so: 春节（补假）. */
  name: string;
}

/** A festival's days by law: its first day and how many. Pure. */
interface Festival {
  name: string;
  first: LocalDate;
  days: number;
}

/**
 * The first solar day of `year` between `from` and `to` whose lunar date is month/day (not in a
 * leap month). chinese-days' lunar arithmetic from a 'YYYY-MM-DD' string counts whole UTC days,
 * so it holds in any process time zone (its lunar-to-solar direction does not: it starts from a
 * local-time 1900 date). Pure.
 */
function lunarDay(year: number, from: string, to: string, month: number, day: number): LocalDate {
  for (let d = `${year}-${from}`; d <= `${year}-${to}`; d = addDays(d, 1)) {
    const lunar = chineseDays.getLunarDate(d);
    if (lunar.lunarMon === month && lunar.lunarDay === day && !lunar.isLeap) return d;
  }
  throw new Error(`no lunar ${month}/${day} between ${year}-${from} and ${year}-${to}`);
}

/**
 * 清明's day. chinese-days computes the term's day of month in plain arithmetic, then prints it
 * through a UTC-midnight Date read in local time, which west of Greenwich names the day before:
 * put that day back. Pure for a fixed process time zone.
 */
function qingming(year: number): LocalDate {
  const printed = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  return new Date(Date.UTC(year, 3, 5)).getTimezoneOffset() > 0 ? addDays(printed, 1) : printed;
}

/** The festivals of `year` with their dates: the lunar ones and 清明 computed by chinese-days. Pure. */
function festivals(year: number): Festival[] {
  return [
    { name: '元旦', first: `${year}-01-01`, days: 1 },
    // 除夕 is the last day of the lunar year, the day before 初一 (whether the 12th month has 29 or 30 days).
    { name: '春节', first: addDays(lunarDay(year, '01-20', '02-21', 1, 1), -1), days: 4 },
    { name: '清明节', first: qingming(year), days: 1 },
    { name: '劳动节', first: `${year}-05-01`, days: 2 },
    { name: '端午节', first: lunarDay(year, '05-25', '06-25', 5, 5), days: 1 },
    { name: '中秋节', first: lunarDay(year, '09-05', '10-10', 8, 15), days: 1 },
    { name: '国庆节', first: `${year}-10-01`, days: 3 },
  ];
}

const isWeekend = (day: LocalDate) => dayOfWeek(day) === 0 || dayOfWeek(day) === 6;

/**
 * Every statutory day off of `year` with its made-up weekdays, in date order. Every festival's
 * own days are placed before any made-up day, so a made-up day never lands on a festival (中秋
 * can follow 国庆's first days). Every festival day falls inside its year (除夕 is 20 January
 * at the earliest). Pure: chinese-days' astronomy is static.
 */
export function statutoryDaysOff(year: number): StatutoryDayOff[] {
  const spans = festivals(year).map((f) => ({ name: f.name, days: Array.from({ length: f.days }, (_, i) => addDays(f.first, i)) }));
  const off = new Map<LocalDate, string>();
  for (const span of spans) for (const day of span.days) off.set(day, off.get(day) ?? span.name);
  for (const span of spans) for (const day of span.days.filter(isWeekend)) off.set(nextFreeWeekday(off, day), `${span.name}（补假）`);
  return [...off].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
}

/** The first weekday after `day` not already a day off. Pure over `off`. */
function nextFreeWeekday(off: ReadonlyMap<LocalDate, string>, day: LocalDate): LocalDate {
  let candidate = addDays(day, 1);
  while (isWeekend(candidate) || off.has(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}
