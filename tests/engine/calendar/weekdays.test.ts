import { describe, expect, it } from '@jest/globals';
import { weekdayCalendar } from '../../../engine/calendar/index.js';

describe('weekdayCalendar', () => {
  const cal = weekdayCalendar();

  it('works Monday to Friday and rests on the weekend', () => {
    const week = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];
    expect(week.map((day) => cal.dayInfo(day).working)).toEqual([true, true, true, true, true, false, false]);
  });

  it('knows no statutory holidays, so National Day is a plain Thursday', () => {
    expect(cal.dayInfo('2026-10-01')).toEqual({ date: '2026-10-01', working: true, source: 'weekday' });
  });

  it('lets overrides turn a weekday off and a Saturday on', () => {
    const withTable = weekdayCalendar([
      { date: '2026-10-01', working: false, name: '国庆节' },
      { date: '2026-10-10', working: true },
    ]);
    expect(withTable.dayInfo('2026-10-01')).toEqual({ date: '2026-10-01', working: false, name: '国庆节', source: 'override' });
    expect(withTable.dayInfo('2026-10-10')).toEqual({ date: '2026-10-10', working: true, source: 'override' });
    expect(withTable.dayInfo('2026-10-11').working).toBe(false);
  });

  it('refuses to answer for a day that is not YYYY-MM-DD', () => {
    expect(() => cal.dayInfo('2026-10-1')).toThrow(expect.objectContaining({ code: 'CALENDAR_DATE_INVALID' }));
  });
});
