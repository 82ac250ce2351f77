import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { evaluate as feelinEvaluate } from 'feelin';
import { compileExpression, evaluate } from '../../../engine/expressions/index.js';

const where = { elementId: 'Timer_1', attribute: 'zeebe:script' };
const now = compileExpression('=now()', where);
const today = compileExpression('=today()', where);
/** The system clock during these tests: far from every instant the tests pass in. */
const SYSTEM_TIME = Date.UTC(1999, 11, 31, 23, 59);

describe('now() and today()', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: SYSTEM_TIME });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('would see the faked system clock if they read it (control for the tests below)', () => {
    expect(feelinEvaluate('now() = date and time("1999-12-31T23:59:00Z")').value).toBe(true);
  });

  it('answer with the instant they are given, in UTC unless told a zone', () => {
    expect(evaluate(now, {}, { now: Date.UTC(2024, 2, 1, 1, 30) })).toBe('2024-03-01T01:30:00Z');
    expect(evaluate(today, {}, { now: Date.UTC(2024, 2, 1, 1, 30) })).toBe('2024-03-01');
  });

  it('follow the given instant: two evaluations at different times differ by exactly that time', () => {
    const elapsed = compileExpression('=now() - date and time("2024-03-01T00:00:00Z")', where);
    expect(evaluate(elapsed, {}, { now: Date.UTC(2024, 2, 1, 2) })).toBe('PT2H');
    expect(evaluate(elapsed, {}, { now: Date.UTC(2024, 2, 3, 2) })).toBe('P2DT2H');
  });

  it('use the time zone they are given, so today() turns at local midnight', () => {
    const justBeforeShanghaiMidnight = { now: Date.UTC(2024, 1, 29, 15, 59), timeZone: 'Asia/Shanghai' };
    const justAfter = { now: Date.UTC(2024, 1, 29, 16, 1), timeZone: 'Asia/Shanghai' };
    expect(evaluate(today, {}, justBeforeShanghaiMidnight)).toBe('2024-02-29');
    expect(evaluate(today, {}, justAfter)).toBe('2024-03-01');
    expect(evaluate(now, {}, justAfter)).toBe('2024-03-01T00:01:00+08:00');
  });

  it('can be compared with dates read from variables', () => {
    const overdue = compileExpression('=today() > date(due)', where);
    expect(evaluate(overdue, { due: '2024-03-01' }, { now: Date.UTC(2024, 2, 2) })).toBe(true);
    expect(evaluate(overdue, { due: '2024-03-01' }, { now: Date.UTC(2024, 2, 1) })).toBe(false);
  });

  it('are shadowed by a variable of the same name, exactly as feelin shadows its builtins', () => {
    expect(evaluate(compileExpression('=now', where), { now: 5 }, { now: 0 })).toBe(5);
  });

  it('are not hidden by an undefined variable, which would let feelin read the system clock', () => {
    expect(evaluate(now, { now: undefined }, { now: Date.UTC(2024, 2, 1) })).toBe('2024-03-01T00:00:00Z');
  });

  it('refuse an evaluation without a usable instant or with an unknown zone', () => {
    expect(() => evaluate(now, {}, { now: Number.NaN })).toThrow(/ctx.now must be epoch milliseconds/);
    expect(() => evaluate(now, {}, { now: 0, timeZone: 'Mars/Olympus' })).toThrow(/zeebe:script of element "Timer_1" failed to evaluate/);
  });
});
