import { describe, expect, it } from '@jest/globals';
import { nextCycleDue, parseCycle, parseDuration } from '../../../engine/time/index.js';
import type { Cycle } from '../../../engine/time/index.js';
import { CHINA } from '../support/china-time.js';

const at = (iso: string): number => Date.parse(iso);

/** Fires a cycle until it is exhausted (or `limit` times), each firing anchored on the last. */
function firings(cycle: Cycle, activated: number, limit = 100): number[] {
  const due: number[] = [];
  let anchor = activated;
  for (let next = nextCycleDue(cycle, anchor, 0, { zone: CHINA }); next !== null && due.length < limit; next = nextCycleDue(cycle, anchor, due.length, { zone: CHINA })) {
    due.push(next);
    anchor = next;
  }
  return due;
}

describe('parseCycle', () => {
  it('reads a bounded and an unbounded repetition', () => {
    expect(parseCycle('R5/PT10S', CHINA)).toEqual({ repetitions: 5, interval: parseDuration('PT10S') });
    expect(parseCycle('R/PT1M', CHINA)).toEqual({ repetitions: null, interval: parseDuration('PT1M') });
  });

  it('reads a start before the interval and an end after it', () => {
    expect(parseCycle('R3/2026-01-01T08:00:00+08:00/P1D', CHINA)).toEqual({
      repetitions: 3, interval: parseDuration('P1D'), start: at('2026-01-01T08:00:00+08:00'),
    });
    expect(parseCycle('R/PT1H/2026-01-01T18:00', CHINA)).toEqual({
      repetitions: null, interval: parseDuration('PT1H'), end: at('2026-01-01T18:00:00+08:00'),
    });
  });

  it.each([
    ['R/2026-01-01/2026-02-01', /exactly one duration besides the repetitions; start\/end cycles are not supported/],
    ['R3/PT1M/P1D', /exactly one duration/],
    ['PT10S', /must start with R or Rn followed by \//],
    ['R5', /must start with R or Rn followed by \//],
    ['Rx/PT1M', /must start with R or Rn/],
    ['R0/PT1M', /repeats 0 times; use R1 or more, or R for no limit/],
    ['R/PT0S', /repeats a zero interval/],
    ['R3/-PT1M', /repeats a negative interval/],
    ['R3/PT1X', /has "PT1X" where a duration belongs/],
    ['R3/2026-13-01T08:00/P1D', /has "2026-13-01T08:00" where a date-time belongs/],
    ['R3/PT1M/2026-01-01/P1D', /is not Rn\/duration, Rn\/start\/duration or Rn\/duration\/end/],
  ])('refuses %j and says why', (text, reason) => {
    expect(() => parseCycle(text, CHINA)).toThrow(reason);
  });

  it('reports a bad part against the whole cycle, with examples', () => {
    expect(() => parseCycle('R3/PT1X', CHINA)).toThrow(expect.objectContaining({
      code: 'TIME_INVALID',
      message: expect.stringContaining('such as R5/PT10S, R/P1D'),
      details: { value: 'R3/PT1X', kind: 'cycle' },
    }));
  });
});

describe('nextCycleDue', () => {
  const activated = at('2026-03-02T09:00:00+08:00');

  it('fires R5/PT10S five times, ten seconds apart, then is exhausted', () => {
    const due = firings(parseCycle('R5/PT10S', CHINA), activated);
    expect(due).toEqual([1, 2, 3, 4, 5].map((k) => activated + k * 10_000));
    expect(nextCycleDue(parseCycle('R5/PT10S', CHINA), activated, 5, { zone: CHINA })).toBeNull();
  });

  it('keeps firing R/PT1M however often it has fired', () => {
    expect(nextCycleDue(parseCycle('R/PT1M', CHINA), activated, 1_000_000, { zone: CHINA })).toBe(activated + 60_000);
    expect(firings(parseCycle('R/PT1M', CHINA), activated, 50)).toHaveLength(50);
  });

  it('fires first at a start still in the future, then one interval after each firing', () => {
    const cycle = parseCycle('R3/2026-03-05T08:00:00+08:00/P1D', CHINA);
    expect(firings(cycle, activated)).toEqual([
      at('2026-03-05T08:00:00+08:00'), at('2026-03-06T08:00:00+08:00'), at('2026-03-07T08:00:00+08:00'),
    ]);
  });

  it('fires at once when the start has passed, as Zeebe does, and counts on from there', () => {
    const cycle = parseCycle('R2/2026-01-01T08:00:00+08:00/P1D', CHINA);
    expect(firings(cycle, activated)).toEqual([activated, at('2026-03-03T09:00:00+08:00')]);
  });

  it('stops an R/duration/end cycle at its end', () => {
    const cycle = parseCycle('R/PT1H/2026-03-02T12:00:00+08:00', CHINA);
    expect(firings(cycle, activated)).toEqual([10, 11, 12].map((h) => at(`2026-03-02T${h}:00:00+08:00`)));
  });

  it('steps a monthly cycle by calendar months with month-end clamping', () => {
    const due = firings(parseCycle('R3/P1M', CHINA), at('2026-01-31T09:00:00+08:00'));
    expect(due).toEqual([at('2026-02-28T09:00:00+08:00'), at('2026-03-28T09:00:00+08:00'), at('2026-04-28T09:00:00+08:00')]);
  });

  it('refuses a negative fired count', () => {
    expect(() => nextCycleDue(parseCycle('R/PT1M', CHINA), activated, -1, { zone: CHINA })).toThrow(/must be a whole number ≥ 0/);
  });
});
