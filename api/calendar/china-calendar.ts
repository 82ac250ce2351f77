import { weekdayInfo } from '../../engine/calendar/index.js';
import type { DayInfo, LocalDate, WorkingCalendar } from '../../engine/calendar/index.js';
import { packageCovers, publishedDay } from './chinese-days.js';
import { statutoryDaysOff } from './statutory-holidays.js';
import { CHINA_TIME } from './china-time.js';

/** A year's arrangement as an administrator entered it from the State Council's notice. */
export interface EnteredArrangement {
  year: number;
  /** Days off (放假), each with its festival. */
  holidays: Array<{ date: LocalDate; name: string }>;
  /** Weekend days worked instead (调休上班), each with the festival it pays for. */
  workdays: Array<{ date: LocalDate; name: string }>;
  enteredBy?: string;
  enteredAt?: number;
}

/**
 * Where a year's days come from: entered by an administrator, published (the chinese-days
 * package), or provisional (the statutory holidays alone, until the arrangement is entered).
 */
export type ArrangementStatus = 'entered' | 'published' | 'provisional';

export interface ChinaCalendar extends WorkingCalendar {
  statusOf(year: number): ArrangementStatus;
}

/**
 * The working calendar of mainland China: an entered arrangement wins for its year; else the
 * package's published one; else the statutory days off of 《全国年节及纪念日放假办法》, marked
 * provisional. Days no table names are plain Monday–Friday. Pure: same arrangements, same
 * answers (the provisional tables are computed once per year and kept).
 */
export function chinaCalendar(entered: readonly EnteredArrangement[] = []): ChinaCalendar {
  const tables = new Map(entered.map((a) => [a.year, enteredTable(a)]));
  const provisional = new Map<number, ReadonlyMap<LocalDate, DayInfo>>();
  const provisionalTable = (year: number) => {
    if (!provisional.has(year)) provisional.set(year, new Map(statutoryDaysOff(year).map((d) => [d.date, { date: d.date, working: false, name: d.name, source: 'provisional' }])));
    return provisional.get(year)!;
  };
  const statusOf = (year: number): ArrangementStatus => (tables.has(year) ? 'entered' : packageCovers(year) ? 'published' : 'provisional');
  return {
    statusOf,
    timeZone: CHINA_TIME,
    dayInfo(day: LocalDate): DayInfo {
      const year = Number(day.slice(0, 4));
      const status = statusOf(year);
      const hit = status === 'entered' ? tables.get(year)!.get(day) : status === 'published' ? publishedDay(day) : provisionalTable(year).get(day);
      return hit ?? weekdayInfo(day);
    },
  };
}

function enteredTable(a: EnteredArrangement): ReadonlyMap<LocalDate, DayInfo> {
  const entry = (working: boolean) => (d: { date: LocalDate; name: string }): [LocalDate, DayInfo] => [d.date, { date: d.date, working, name: d.name, source: 'override' }];
  return new Map([...a.holidays.map(entry(false)), ...a.workdays.map(entry(true))]);
}
