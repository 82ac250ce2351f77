import { addDays, isWorkingDay, localDate, nextWorkingDay } from '../../engine/calendar/index.js';
import type { LocalDate, WorkingCalendar } from '../../engine/calendar/index.js';
import type { DayUnit } from '../../processes/catalog/types.js';
import { CHINA_TIME } from '../calendar/china-time.js';

/** A length of time as the law or a guide states it: 20 working days, 7 days. */
export interface Period {
  days: number;
  unit: DayUnit;
}

/**
 * Days a limit does not count: the days of its clock stops. `openFrom`: a stop began that day
 * and its end is not known yet, so no day after it counts until it ends.
 */
export interface Excluded {
  days: ReadonlySet<LocalDate>;
  openFrom?: LocalDate;
}

export const NOTHING_EXCLUDED: Excluded = { days: new Set() };

/** A century of days: a count that runs longer means a broken calendar, not a real limit. */
const MAX_DAYS = 36_500;

/**
 * The last day of a period counted after `start` (民法典 §201: the first day is not counted;
 * 行政许可法 §82: limits in working days count working days), skipping excluded days. A period
 * in days whose last day is not a working day ends on the next working day (民法典 §203) when
 * `endsOnWorkingDay`, as legal limits do. 0 days ends on `start` itself (即办). Undefined when
 * the count runs into a stop whose end is not known. Pure.
 */
export function periodEnd(cal: WorkingCalendar, start: LocalDate, period: Period, excluded = NOTHING_EXCLUDED, endsOnWorkingDay = true): LocalDate | undefined {
  let day = start;
  for (let counted = 0, walked = 0; counted < period.days; walked++) {
    if (walked > MAX_DAYS) throw new Error(`a period of ${period.days} ${period.unit} after ${start} never ends; check the calendar`);
    day = addDays(day, 1);
    if (excluded.openFrom !== undefined && day > excluded.openFrom) return undefined;
    if (!excluded.days.has(day) && (period.unit === 'days' || isWorkingDay(cal, day))) counted += 1;
  }
  return endsOnWorkingDay && period.unit === 'days' && period.days > 0 && !isWorkingDay(cal, day) ? nextWorkingDay(cal, day) : day;
}

/** A clock stop as far as counting goes: when it began, its stated length, when it ended. */
export interface StopSpan {
  from: number;
  period?: Period;
  to?: number;
}

/**
 * The days a stop takes out of a limit: from the day after it began to the day it ends — the
 * end of its stated length, or the day it was ended if that came first. A stop of a stated
 * length ends then whether or not anyone closes it that day. Pure.
 */
export function stopDays(cal: WorkingCalendar, stop: StopSpan): { days: LocalDate[] } | { openFrom: LocalDate } {
  const began = localDate(CHINA_TIME, stop.from);
  const stated = stop.period ? periodEnd(cal, began, stop.period, NOTHING_EXCLUDED, false) : undefined;
  const ended = stop.to !== undefined ? localDate(CHINA_TIME, stop.to) : undefined;
  const end = [stated, ended].filter((d): d is LocalDate => d !== undefined).sort()[0];
  if (end === undefined) return { openFrom: began };
  const days: LocalDate[] = [];
  for (let day = addDays(began, 1); day <= end; day = addDays(day, 1)) days.push(day);
  return { days };
}

/** The days all these stops take out of a limit, together. Pure. */
export function excludedBy(cal: WorkingCalendar, stops: readonly StopSpan[]): Excluded {
  const days = new Set<LocalDate>();
  let openFrom: LocalDate | undefined;
  for (const stop of stops) {
    const span = stopDays(cal, stop);
    if ('openFrom' in span) openFrom = openFrom === undefined || span.openFrom < openFrom ? span.openFrom : openFrom;
    else for (const day of span.days) days.add(day);
  }
  return openFrom === undefined ? { days } : { days, openFrom };
}
