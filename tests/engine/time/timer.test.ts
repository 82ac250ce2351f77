import { describe, expect, it } from '@jest/globals';
// A real calendar with holidays and make-up days: the platform's China calendar.
import { chinaCalendar } from '../../../api/calendar/china-calendar.js';
import { timerDue } from '../../../engine/time/index.js';
import type { TimerSpec } from '../../../engine/time/index.js';
import { CHINA } from '../support/china-time.js';

const at = (iso: string): number => Date.parse(iso);
const from = at('2026-02-13T10:00:00+08:00');
const calendar = chinaCalendar();

describe('timerDue', () => {
  it('fires a date timer once, at its instant', () => {
    const spec: TimerSpec = { kind: 'date', value: '2026-10-08T09:00' };
    expect(timerDue(spec, { zone: CHINA, from, fired: 0 })).toBe(at('2026-10-08T09:00:00+08:00'));
    expect(timerDue(spec, { zone: CHINA, from, fired: 1 })).toBeNull();
  });

  it('fires a duration timer once, that long after it started', () => {
    const spec: TimerSpec = { kind: 'duration', value: 'PT30M' };
    expect(timerDue(spec, { zone: CHINA, from, fired: 0 })).toBe(from + 30 * 60_000);
    expect(timerDue(spec, { zone: CHINA, from, fired: 1 })).toBeNull();
  });

  it('counts a duration in working days when asked, skipping the Spring Festival', () => {
    const spec: TimerSpec = { kind: 'duration', value: 'P3D' };
    expect(timerDue(spec, { zone: CHINA, from, fired: 0, calendar, workingDays: true })).toBe(at('2026-02-25T10:00:00+08:00'));
    expect(timerDue(spec, { zone: CHINA, from, fired: 0, calendar })).toBe(at('2026-02-16T10:00:00+08:00'));
  });

  it('hands a cycle to nextCycleDue until it is exhausted', () => {
    const spec: TimerSpec = { kind: 'cycle', value: 'R2/PT10S' };
    expect(timerDue(spec, { zone: CHINA, from, fired: 0 })).toBe(from + 10_000);
    expect(timerDue(spec, { zone: CHINA, from: from + 10_000, fired: 1 })).toBe(from + 20_000);
    expect(timerDue(spec, { zone: CHINA, from: from + 20_000, fired: 2 })).toBeNull();
  });

  it('steps a cycle in working days when asked', () => {
    const spec: TimerSpec = { kind: 'cycle', value: 'R/P1D' };
    expect(timerDue(spec, { zone: CHINA, from: at('2026-02-14T09:00:00+08:00'), fired: 1, calendar, workingDays: true }))
      .toBe(at('2026-02-24T09:00:00+08:00'));
  });

  it('refuses working days without a calendar', () => {
    expect(() => timerDue({ kind: 'duration', value: 'P3D' }, { zone: CHINA, from, fired: 0, workingDays: true }))
      .toThrow(expect.objectContaining({ code: 'TIME_INVALID', details: { value: 'P3D', kind: 'duration' } }));
  });

  it('points every error at the spec the modeler wrote', () => {
    const cases: TimerSpec[] = [
      { kind: 'date', value: 'next Monday' },
      { kind: 'duration', value: '-PT5M' },
      { kind: 'cycle', value: 'R3/2026-02-30T08:00/P1D' },
      { kind: 'cycle', value: 'R/P1W' },
    ];
    for (const spec of cases) {
      expect(() => timerDue(spec, { zone: CHINA, from, fired: 0, calendar, workingDays: true }))
        .toThrow(expect.objectContaining({ code: 'TIME_INVALID', details: { value: spec.value, kind: spec.kind } }));
    }
  });

  it('names the cycle when its interval cannot be counted in working days', () => {
    expect(() => timerDue({ kind: 'cycle', value: 'R/P1W' }, { zone: CHINA, from, fired: 0, calendar, workingDays: true }))
      .toThrow(/^cycle timer "R\/P1W": duration "P1W" cannot be counted in working days/);
  });

  it('refuses an unknown kind and a bad starting instant', () => {
    const unknown = { kind: 'cron', value: '0 9 * * *' } as unknown as TimerSpec;
    expect(() => timerDue(unknown, { zone: CHINA, from, fired: 0 })).toThrow('timer kind "cron" is unknown; use date, duration or cycle');
    expect(() => timerDue({ kind: 'duration', value: 'PT1M' }, { zone: CHINA, from: Number.NaN, fired: 0 })).toThrow(/not an instant in epoch ms/);
  });
});
