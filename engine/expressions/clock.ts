import { FeelDate, FeelDateTime, FeelFunction, toFeel } from 'feelin';
import type { EvaluationContext } from './types.js';

/**
 * The zone `now()` and `today()` use when the caller names none. Not the host's zone:
 * reading it would let a replay on another machine compute a different `today()`.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * FEEL's `now()` and `today()` answering from `ctx.now` instead of the system clock.
 * Pure. feelin resolves a name from the evaluation context before its builtins, so these
 * are put into the context *beneath* the process variables: a variable called `now` shadows
 * them exactly as it would shadow feelin's own builtin, and FEEL's scoping is unchanged.
 */
export function clockFunctions(ctx: EvaluationContext): { now: FeelFunction; today: FeelFunction } {
  const zone = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    now: new FeelFunction(() => zonedDateTime(ctx.now, zone), []),
    today: new FeelFunction(() => new FeelDate(zonedDateTime(ctx.now, zone).unwrap().toPlainDate()), []),
  };
}

/** The wall-clock date and time in `zone` at `epochMs`, zoned the way feelin's `now()` is. Pure. */
export function zonedDateTime(epochMs: number, zone: string): FeelDateTime {
  // toFeel turns a Date into a UTC date-time; this reads the given instant, not the clock.
  const utc: unknown = toFeel(new Date(epochMs));
  if (!(utc instanceof FeelDateTime)) throw new TypeError(`not an instant: ${epochMs}`);
  const wall = utc.unwrap().toZonedDateTime('UTC').withTimeZone(zone).toPlainDateTime();
  return new FeelDateTime(wall, zone);
}

/**
 * The evaluation scope: the process variables over the deterministic clock functions. Pure.
 * A variable holding `undefined` would make feelin fall back to its own `now()`, which reads
 * the system clock, so such a variable does not get to hide the clock functions.
 */
export function scopeWithClock(variables: Readonly<Record<string, unknown>>, ctx: EvaluationContext): Record<string, unknown> {
  const clock = clockFunctions(ctx);
  const scope: Record<string, unknown> = { ...clock, ...variables };
  if (scope['now'] === undefined) scope['now'] = clock.now;
  if (scope['today'] === undefined) scope['today'] = clock.today;
  return scope;
}
