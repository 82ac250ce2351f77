import { describe, expect, it } from '@jest/globals';
import { validateOverrides } from '../../../engine/calendar/index.js';
import type { DayOverride } from '../../../engine/calendar/index.js';
import { EngineError } from '../../../engine/errors.js';

function errorOf(overrides: readonly DayOverride[]): EngineError {
  try {
    validateOverrides(overrides);
  } catch (err) {
    if (err instanceof EngineError) return err;
    throw err;
  }
  throw new Error('expected the table to be refused');
}

describe('validateOverrides', () => {
  it('indexes a good table by date', () => {
    const table = validateOverrides([
      { date: '2027-01-01', working: false, name: '元旦' },
      { date: '2027-02-06', working: true },
    ]);
    expect([...table.keys()]).toEqual(['2027-01-01', '2027-02-06']);
    expect(table.get('2027-01-01')).toEqual({ date: '2027-01-01', working: false, name: '元旦' });
  });

  it('merges repeated entries that agree, keeping the name one of them gives', () => {
    const table = validateOverrides([
      { date: '2027-01-01', working: false },
      { date: '2027-01-01', working: false, name: '元旦' },
    ]);
    expect(table.size).toBe(1);
    expect(table.get('2027-01-01')?.name).toBe('元旦');
  });

  it('refuses a date not written YYYY-MM-DD and names the entry', () => {
    const entry = { date: '2027/1/1', working: false };
    const err = errorOf([{ date: '2027-01-02', working: false }, entry]);
    expect(err.code).toBe('CALENDAR_OVERRIDE_INVALID');
    expect(err.message).toBe('override #1 has date "2027/1/1"; write a real day as YYYY-MM-DD, e.g. 2027-01-01');
    expect(err.details).toEqual({ index: 1, entry });
  });

  it('refuses a day that does not exist', () => {
    expect(errorOf([{ date: '2027-02-30', working: false }]).message).toMatch(/"2027-02-30"/);
  });

  it('refuses two entries for one day that disagree on working', () => {
    const err = errorOf([
      { date: '2027-02-06', working: true },
      { date: '2027-02-06', working: false },
    ]);
    expect(err.message).toBe('override #1 for 2027-02-06 contradicts an earlier entry for the same day; keep one');
    expect(err.details).toMatchObject({ index: 1, earlier: { working: true }, entry: { working: false } });
  });

  it('refuses two entries for one day with different names', () => {
    expect(errorOf([
      { date: '2027-01-01', working: false, name: '元旦' },
      { date: '2027-01-01', working: false, name: '春节' },
    ]).code).toBe('CALENDAR_OVERRIDE_INVALID');
  });

  it('refuses an entry whose working flag is not a boolean', () => {
    const bad = { date: '2027-01-01', working: 'no' } as unknown as DayOverride;
    expect(errorOf([bad]).message).toBe('override #0 (2027-01-01) needs working: true (a working day) or false (a day off)');
  });

  it('refuses a table that is not a list', () => {
    expect(errorOf({} as unknown as DayOverride[]).message).toMatch(/must be a list/);
  });
});
