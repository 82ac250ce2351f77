import { describe, expect, it } from '@jest/globals';
// A real calendar with holidays and make-up days: the platform's China calendar.
import { chinaCalendar } from '../../../api/calendar/china-calendar.js';
import { addDuration, formatDuration, parseDuration } from '../../../engine/time/index.js';
import { CHINA } from '../support/china-time.js';

const at = (iso: string): number => Date.parse(iso);
const plus = (iso: string, duration: string): number => addDuration(at(iso), parseDuration(duration), { zone: CHINA });

describe('parseDuration', () => {
  it('splits every designator of P1Y2M3W4DT5H6M7.5S', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 });
  });

  it('reads a comma as the decimal mark and lower case as java.time does', () => {
    expect(parseDuration('PT0,25S').seconds).toBe(0.25);
    expect(parseDuration('p1dt2h')).toMatchObject({ days: 1, hours: 2 });
  });

  it('tells months from minutes by the T', () => {
    expect(parseDuration('P1M')).toMatchObject({ months: 1, minutes: 0 });
    expect(parseDuration('PT1M')).toMatchObject({ months: 0, minutes: 1 });
  });

  it('refuses a negative duration and says what a valid one looks like', () => {
    expect(() => parseDuration('-P1D')).toThrow(
      'duration "-P1D" is negative or signed; timers only count forward; write an ISO 8601 duration such as PT10M, P3D, P1Y2M or P1DT4H30M',
    );
    expect(() => parseDuration('P-1D')).toThrow(/negative/);
  });

  it.each([
    ['P', /is not an ISO 8601 duration/],
    ['PT', /has a T with no hours/],
    ['P1DT', /has a T with no hours/],
    ['P1.5D', /fraction outside the seconds/],
    ['10 minutes', /is not an ISO 8601 duration/],
    ['', /is not an ISO 8601 duration/],
  ])('refuses %j with a reason', (text, reason) => {
    expect(() => parseDuration(text)).toThrow(reason);
  });

  it('gives the text and kind in the error details', () => {
    expect(() => parseDuration('P1H')).toThrow(expect.objectContaining({ code: 'TIME_INVALID', details: { value: 'P1H', kind: 'duration' } }));
  });

  it('writes a duration back the way it was read', () => {
    expect(formatDuration(parseDuration('P1Y2M3W4DT5H6M7.5S'))).toBe('P1Y2M3W4DT5H6M7.5S');
    expect(formatDuration(parseDuration('PT0S'))).toBe('P0D');
  });
});

describe('addDuration', () => {
  it('adds hours, minutes and seconds as exact milliseconds', () => {
    expect(plus('2026-01-31T20:00:00+08:00', 'PT5H')).toBe(at('2026-02-01T01:00:00+08:00'));
    expect(plus('2026-01-01T00:00:00Z', 'PT1M30.5S')).toBe(at('2026-01-01T00:01:30.500Z'));
  });

  it('adds days and weeks as calendar days keeping the China wall-clock time', () => {
    expect(plus('2026-09-30T09:00:00+08:00', 'P1D')).toBe(at('2026-10-01T09:00:00+08:00'));
    expect(plus('2026-09-30T09:00:00+08:00', 'P2W')).toBe(at('2026-10-14T09:00:00+08:00'));
  });

  it('clamps a month step to the end of February, leap year or not', () => {
    expect(plus('2026-01-31T10:00:00+08:00', 'P1M')).toBe(at('2026-02-28T10:00:00+08:00'));
    expect(plus('2028-01-31T10:00:00+08:00', 'P1M')).toBe(at('2028-02-29T10:00:00+08:00'));
    expect(plus('2028-02-29T10:00:00+08:00', 'P1Y')).toBe(at('2029-02-28T10:00:00+08:00'));
  });

  it('clamps the month before adding days, as java.time does', () => {
    expect(plus('2026-01-31T10:00:00+08:00', 'P1M1D')).toBe(at('2026-03-01T10:00:00+08:00'));
  });

  it('does month arithmetic on the China date, not the UTC date', () => {
    // 00:30 on 31 March in China is still 30 March in UTC, where a month later is 30 April
    // 16:30 UTC, i.e. 1 May in China; on the China date the month clamps to 30 April.
    expect(plus('2026-03-31T00:30:00+08:00', 'P1M')).toBe(at('2026-04-30T00:30:00+08:00'));
  });
});

describe('addDuration in working days', () => {
  const workingDays = chinaCalendar();
  const inWorkingDays = (iso: string, duration: string): number => addDuration(at(iso), parseDuration(duration), { zone: CHINA, workingDays });

  it('counts the days part in working days across the Spring Festival', () => {
    // Saturday 14 Feb is a make-up working day, then the festival runs to 23 Feb.
    expect(inWorkingDays('2026-02-13T10:00:00+08:00', 'P3D')).toBe(at('2026-02-25T10:00:00+08:00'));
  });

  it('adds the time part after the working days', () => {
    expect(inWorkingDays('2026-02-13T10:00:00+08:00', 'P1DT4H')).toBe(at('2026-02-14T14:00:00+08:00'));
  });

  it('does not move an instant onto a working day when there is no days part', () => {
    expect(inWorkingDays('2026-10-03T10:00:00+08:00', 'PT4H')).toBe(at('2026-10-03T14:00:00+08:00'));
  });

  it.each(['P2W', 'P1M', 'P1Y'])('refuses %s, which is ambiguous in working days', (text) => {
    expect(() => inWorkingDays('2026-02-13T10:00:00+08:00', text)).toThrow(
      expect.objectContaining({ code: 'TIME_INVALID', details: { value: text, kind: 'duration' } }),
    );
  });
});
