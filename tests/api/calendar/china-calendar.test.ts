import { describe, expect, it } from '@jest/globals';
import chineseDays from 'chinese-days';
import { chinaCalendar } from '../../../api/calendar/china-calendar.js';
import { statutoryDaysOff } from '../../../api/calendar/statutory-holidays.js';
import { packageCovers, statutoryDataFrom, statutoryDataUntil } from '../../../api/calendar/chinese-days.js';
import { addDays } from '../../../engine/calendar/index.js';
import type { LocalDate } from '../../../engine/calendar/index.js';

function daysFrom(first: LocalDate, count: number): LocalDate[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

describe('the China calendar from the published arrangements (chinese-days)', () => {
  const cal = chinaCalendar();

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
    expect([statutoryDataFrom, statutoryDataUntil]).toEqual([2004, 2026]);
    expect([packageCovers(2026), packageCovers(2027)]).toEqual([true, false]);
    expect([cal.statusOf(2026), cal.statusOf(2027)]).toEqual(['published', 'provisional']);
  });
});

describe('a year without its arrangement: the statutory days off, provisional', () => {
  const cal = chinaCalendar();

  it('makes New Year 2027, a Friday, a provisional day off instead of a working day', () => {
    expect(cal.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', working: false, name: '元旦', source: 'provisional' });
    expect(cal.dayInfo('2027-01-04')).toEqual({ date: '2027-01-04', working: true, source: 'weekday' });
  });

  it('gives the 2027 Spring Festival its four days from 除夕 (5 February) and makes up the weekend ones on the next weekdays (§6)', () => {
    // 2027: 除夕 Friday 5 February, 初一 Saturday 6, 初二 Sunday 7, 初三 Monday 8; the Saturday and Sunday are made up on Tuesday 9 and Wednesday 10.
    expect(daysFrom('2027-02-05', 6).map((d) => [d, cal.dayInfo(d).working, cal.dayInfo(d).name])).toEqual([
      ['2027-02-05', false, '春节'], ['2027-02-06', false, '春节'], ['2027-02-07', false, '春节'], ['2027-02-08', false, '春节'],
      ['2027-02-09', false, '春节（补假）'], ['2027-02-10', false, '春节（补假）'],
    ]);
    expect(cal.dayInfo('2027-02-11').working).toBe(true);
  });

  it('computes 清明 (5 April 2027), 端午 (9 June), 中秋 (15 September) and 国庆 with its two made-up days', () => {
    for (const day of ['2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-04', '2027-10-05']) expect(cal.dayInfo(day).working).toBe(false);
    expect(cal.dayInfo('2027-10-06').working).toBe(true);
    // 劳动节 1–2 May 2027 is a weekend: Monday 3 and Tuesday 4 May are made up.
    expect(['2027-05-03', '2027-05-04', '2027-05-05'].map((d) => cal.dayInfo(d).working)).toEqual([false, false, true]);
  });

  it.each([2025, 2026])('gives no day off in %i that the published arrangement did not give (the law is the floor of every arrangement)', (year) => {
    const provisional = statutoryDaysOff(year);
    expect(provisional.length).toBeGreaterThanOrEqual(11);
    expect(provisional.filter((d) => chineseDays.isWorkday(d.date))).toEqual([]);
  });
});

describe('an arrangement entered by an administrator', () => {
  const entered = chinaCalendar([{
    year: 2027,
    holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-02', name: '元旦' }, { date: '2027-01-03', name: '元旦' }],
    workdays: [{ date: '2027-01-09', name: '元旦' }],
  }]);

  it('wins for its year: its days off and its make-up working Saturday, and nothing provisional is left', () => {
    expect(entered.statusOf(2027)).toBe('entered');
    expect(entered.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', working: false, name: '元旦', source: 'override' });
    expect(entered.dayInfo('2027-01-09')).toEqual({ date: '2027-01-09', working: true, name: '元旦', source: 'override' });
    // The entered table lists no Spring Festival yet: those days are plain weekdays, not provisional holidays.
    expect(entered.dayInfo('2027-02-08')).toEqual({ date: '2027-02-08', working: true, source: 'weekday' });
  });

  it('leaves other years to the package', () => {
    expect(entered.dayInfo('2026-10-01').source).toBe('statutory');
  });
});
