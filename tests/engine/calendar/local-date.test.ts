import { describe, expect, it } from '@jest/globals';
import {
  addDays, addMonths, assertLocalDate, atLocalTime, dayOfWeek, endOfLocalDay, isLocalDate, localDate, localTimeOfDay,
} from '../../../engine/calendar/index.js';
import { EngineError } from '../../../engine/errors.js';
import { CHINA } from '../support/china-time.js';

const at = (iso: string): number => Date.parse(iso);

describe('China local dates', () => {
  it('puts 16:00 UTC on the next China day, since China is eight hours ahead', () => {
    expect(localDate(CHINA, at('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(localDate(CHINA, at('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });

  it('reads instants before 1970 without going a day wrong', () => {
    expect(localDate(CHINA, -1)).toBe('1970-01-01');
    expect(localDate(CHINA, at('1969-12-31T15:59:59Z'))).toBe('1969-12-31');
    expect(localTimeOfDay(CHINA, -1)).toBe(8 * 3_600_000 - 1);
  });

  it('gives the wall-clock time of day in China', () => {
    expect(localTimeOfDay(CHINA, at('2026-10-01T09:30:00+08:00'))).toBe((9 * 60 + 30) * 60_000);
  });

  it('turns a day and a time back into the instant', () => {
    expect(atLocalTime(CHINA, '2026-10-01')).toBe(at('2026-10-01T00:00:00+08:00'));
    expect(atLocalTime(CHINA, '2026-10-01', 9 * 3_600_000)).toBe(at('2026-10-01T09:00:00+08:00'));
    expect(endOfLocalDay(CHINA, '2026-10-01')).toBe(at('2026-10-01T23:59:59.999+08:00'));
  });

  it('steps across month and year ends by calendar days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('clamps a month step to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('knows National Day 2026 is a Thursday and 2026-02-14 a Saturday', () => {
    expect(dayOfWeek('2026-10-01')).toBe(4);
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayOfWeek('2026-02-15')).toBe(0);
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate(20261001)).toBe(false);
  });

  it('refuses a malformed day with a message showing the expected form', () => {
    expect(() => assertLocalDate('2026/10/01')).toThrow(/"2026\/10\/01" is not a day; write YYYY-MM-DD/);
    expect(() => addDays('10-01', 1)).toThrow(EngineError);
  });

  it('refuses something that is not an instant', () => {
    expect(() => localDate(CHINA, Number.NaN)).toThrow(expect.objectContaining({ code: 'CALENDAR_INSTANT_INVALID' }));
  });
});
