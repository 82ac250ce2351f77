import type { TimeZone } from './time-zone.js';

/** A day on a calendar's wall clock (its `timeZone`), written `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * Where a day's working status came from, so an administrator can see why: an entered table
 * (override), a published arrangement (statutory), a day off the law gives before the year's
 * arrangement is published (provisional), or the plain week (weekday).
 */
export type DaySource = 'override' | 'statutory' | 'provisional' | 'weekday';

/** Whether one local day is a working day, and why. */
export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** The holiday or arrangement the day belongs to (a make-up working day names its festival). */
  name?: string;
  source: DaySource;
}

/**
 * The one question the engine asks about days. Implementations must be pure: the same day
 * always gets the same answer, so replayed histories compute the same deadlines.
 */
export interface WorkingCalendar {
  dayInfo(day: LocalDate): DayInfo;
  /** The zone whose days these are: an instant's day, and a deadline's end of day, are read in it. */
  readonly timeZone: TimeZone;
}

/**
 * One entry of an administrator's table, e.g. next year's arrangement published by the
 * State Council before the chinese-days package knows it. Overrides win over every other source.
 */
export interface DayOverride {
  date: LocalDate;
  working: boolean;
  name?: string;
}
