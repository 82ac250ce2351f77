import { describe, expect, it } from '@jest/globals';
import chineseDays from 'chinese-days';
import {
  chineseDaysCalendar, hasArrangement, statutoryDataFrom, statutoryDataUntil,
} from '../../../engine/calendar/chinese-days.js';
import { addDays } from '../../../engine/calendar/index.js';
import type { LocalDate } from '../../../engine/calendar/index.js';

function daysFrom(first: LocalDate, count: number): LocalDate[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

describe('chineseDaysCalendar', () => {
  const cal = chineseDaysCalendar();

  it('gives the nine days off of the 2026 Spring Festival, 15 to 23 February', () => {
    for (const day of daysFrom('2026-02-15', 9)) {
      expect(cal.dayInfo(day)).toEqual({ date: day, working: false, name: '春节', source: 'statutory' });
    }
    expect(cal.dayInfo('2026-02-24')).toEqual({ date: '2026-02-24', working: true, source: 'weekday' });
  });

  it('makes the Saturdays 14 and 28 February 2026 working days, paying for the Spring Festival', () => {
    expect(cal.dayInfo('2026-02-14')).toEqual({ date: '2026-02-14', working: true, name: '春节', source: 'statutory' });
    expect(cal.dayInfo('2026-02-28')).toEqual({ date: '2026-02-28', working: true, name: '春节', source: 'statutory' });
    expect(cal.dayInfo('2026-02-21').working).toBe(false);
  });

  it('gives National Day week 2026 off and works the Sunday before and the Saturday after', () => {
    expect(daysFrom('2026-10-01', 7).map((day) => cal.dayInfo(day).working)).toEqual(Array(7).fill(false));
    expect(cal.dayInfo('2026-10-01').name).toBe('国庆节');
    expect(cal.dayInfo('2026-09-20')).toEqual({ date: '2026-09-20', working: true, name: '国庆节', source: 'statutory' });
    expect(cal.dayInfo('2026-10-10')).toEqual({ date: '2026-10-10', working: true, name: '国庆节', source: 'statutory' });
    expect(cal.dayInfo('2026-10-08').working).toBe(true);
  });

  it('agrees with the package on every day of 2025 and 2026 while the process runs in China time', () => {
    const disagreements = daysFrom('2025-01-01', 730)
      .filter((day) => cal.dayInfo(day).working !== chineseDays.isWorkday(day));
    expect(disagreements).toEqual([]);
  });

  it('knows the package covers 2004 to 2026', () => {
    expect(statutoryDataFrom).toBe(2004);
    expect(statutoryDataUntil).toBe(2026);
  });

  it('treats 2027 as plain Monday-Friday, so New Year 2027 is a working Friday without an override', () => {
    expect(cal.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', working: true, source: 'weekday' });
    expect(hasArrangement(2027)).toBe(false);
    expect(hasArrangement(2026)).toBe(true);
  });

  it('takes an administrator\'s 2027 New Year holiday over the missing package data', () => {
    const overrides = [{ date: '2027-01-01', working: false, name: '元旦' }];
    const with2027 = chineseDaysCalendar(overrides);
    expect(with2027.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', working: false, name: '元旦', source: 'override' });
    expect(hasArrangement(2027, overrides)).toBe(true);
  });

  it('lets an override beat the package on a day the package knows', () => {
    const local = chineseDaysCalendar([
      { date: '2026-02-14', working: false, name: '本地调整' },
      { date: '2026-10-05', working: true },
    ]);
    expect(local.dayInfo('2026-02-14')).toEqual({ date: '2026-02-14', working: false, name: '本地调整', source: 'override' });
    expect(local.dayInfo('2026-10-05')).toEqual({ date: '2026-10-05', working: true, source: 'override' });
    expect(local.dayInfo('2026-10-04').source).toBe('statutory');
  });

  it('refuses a malformed override table when the calendar is made', () => {
    expect(() => chineseDaysCalendar([{ date: '2027-1-1', working: false }]))
      .toThrow(expect.objectContaining({ code: 'CALENDAR_OVERRIDE_INVALID' }));
  });
});
