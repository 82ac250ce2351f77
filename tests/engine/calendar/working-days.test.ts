import { describe, expect, it } from '@jest/globals';
import chineseDays from 'chinese-days';
// A real calendar with holidays and make-up days: the platform's China calendar.
import { chinaCalendar } from '../../../api/calendar/china-calendar.js';
import {
  addDays, addWorkingDays, atLocalTime, deadlineAfterReceipt, isWorkingDay, localDate, nthWorkingDay,
  weekdayCalendar, workingDaysBetween,
} from '../../../engine/calendar/index.js';
import type { WorkingCalendar } from '../../../engine/calendar/index.js';
import { CHINA } from '../support/china-time.js';

const at = (iso: string): number => Date.parse(iso);
const cal = chinaCalendar();

describe('addWorkingDays', () => {
  it('counts twenty working days across the 2026 Spring Festival, as findWorkday does', () => {
    const due = addWorkingDays(cal, at('2026-02-10T09:30:00+08:00'), 20);
    expect(due).toBe(at('2026-03-16T09:30:00+08:00'));
    expect(localDate(CHINA, due)).toBe(chineseDays.findWorkday(20, '2026-02-10'));
  });

  it('agrees with findWorkday for every start day of 2026 and several counts that end in 2026, in China time where the package is right', () => {
    // The package knows nothing after 2026 (it counts 2027-01-01 as a working day); the platform's calendar does.
    const mismatches: string[] = [];
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      for (const n of [0, 1, 3, 5, 10, 20]) {
        const ours = nthWorkingDay(cal, day, n);
        if (ours <= '2026-12-31' && ours !== chineseDays.findWorkday(n, day)) mismatches.push(`${day}+${n}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps the China wall-clock time of a late-evening instant', () => {
    expect(addWorkingDays(cal, at('2026-09-30T23:30:00+08:00'), 1)).toBe(at('2026-10-08T23:30:00+08:00'));
  });

  it('returns an instant on a working day unchanged for zero working days', () => {
    const instant = at('2026-02-14T10:00:00+08:00');
    expect(addWorkingDays(cal, instant, 0)).toBe(instant);
  });

  it('moves an instant on a day off to the next working day for zero working days', () => {
    expect(addWorkingDays(cal, at('2026-10-03T10:00:00+08:00'), 0)).toBe(at('2026-10-08T10:00:00+08:00'));
    expect(addWorkingDays(weekdayCalendar([], CHINA), at('2026-03-14T10:00:00+08:00'), 0)).toBe(at('2026-03-16T10:00:00+08:00'));
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(cal, 0, -1)).toThrow(expect.objectContaining({ code: 'CALENDAR_COUNT_INVALID' }));
    expect(() => addWorkingDays(cal, 0, 1.5)).toThrow(/use a whole number ≥ 0/);
  });

  it('stops with an error instead of looping when a calendar has no working day', () => {
    const never: WorkingCalendar = { timeZone: CHINA, dayInfo: (date) => ({ date, working: false, source: 'override' }) };
    expect(() => addWorkingDays(never, 0, 1)).toThrow(expect.objectContaining({ code: 'CALENDAR_NO_WORKING_DAY' }));
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    // 14 Feb is a make-up Saturday, 15-23 Feb the festival, 24 Feb a Tuesday.
    expect(workingDaysBetween(cal, at('2026-02-13T17:00:00+08:00'), at('2026-02-24T09:00:00+08:00'))).toBe(2);
  });

  it('is negative when the second instant is earlier, and zero on the same day', () => {
    expect(workingDaysBetween(cal, at('2026-02-24T09:00:00+08:00'), at('2026-02-13T17:00:00+08:00'))).toBe(-2);
    expect(workingDaysBetween(cal, at('2026-02-24T09:00:00+08:00'), at('2026-02-24T18:00:00+08:00'))).toBe(0);
  });

  it('undoes addWorkingDays', () => {
    const start = at('2026-09-18T11:00:00+08:00');
    expect(workingDaysBetween(cal, start, addWorkingDays(cal, start, 25))).toBe(25);
  });
});

describe('deadlineAfterReceipt', () => {
  it('ends a twenty-day decision limit at midnight of 16 March for an application received 10 February 2026', () => {
    expect(deadlineAfterReceipt(cal, at('2026-02-10T15:00:00+08:00'), 20)).toBe(at('2026-03-16T23:59:59.999+08:00'));
  });

  it('starts counting the day after receipt, so National Day week is skipped and the make-up Saturday counts', () => {
    // 8 Oct (1), 9 Oct (2), Saturday 10 Oct (3), 12 Oct (4), 13 Oct (5).
    expect(deadlineAfterReceipt(cal, at('2026-09-30T16:00:00+08:00'), 5)).toBe(at('2026-10-13T23:59:59.999+08:00'));
  });

  it('counts a receipt late on Friday evening from the following Monday', () => {
    const received = at('2026-03-13T23:59:00+08:00');
    expect(deadlineAfterReceipt(weekdayCalendar([], CHINA), received, 1)).toBe(at('2026-03-16T23:59:59.999+08:00'));
  });

  it('ends an immediate item (zero days) with the day of receipt', () => {
    expect(deadlineAfterReceipt(cal, at('2026-03-13T10:00:00+08:00'), 0)).toBe(atLocalTime(CHINA, '2026-03-14') - 1);
  });

  it('asks the calendar for every day it counts', () => {
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true);
    expect(isWorkingDay(cal, '2026-03-01')).toBe(false);
  });
});
