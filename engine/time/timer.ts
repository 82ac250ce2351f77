import { EngineError } from '../errors.js';
import type { WorkingCalendar } from '../calendar/types.js';
import type { TimeZone } from '../calendar/time-zone.js';
import { nextCycleDue, parseCycle } from './cycle.js';
import { parseDateTime } from './date-time.js';
import { isCronText, nextCronDue } from './cron.js';
import { addDuration, parseDuration } from './duration.js';
import type { AddDurationOptions } from './duration.js';
import { timeInvalid } from './invalid.js';
import type { TimeKind } from './invalid.js';

/** A BPMN timer definition after FEEL evaluation: timeDate, timeDuration or timeCycle. */
export interface TimerSpec {
  kind: TimeKind;
  value: string;
}

export interface TimerContext {
  /** Activation instant, or for a cycle that has fired, the previous due instant. */
  from: number;
  /** How many times this timer has fired already. */
  fired: number;
  calendar?: WorkingCalendar;
  /** The engine's time zone: a date without an offset, and a duration's days, are read on its wall clock. */
  zone: TimeZone;
  /** Count durations' (and cycles' intervals') days as working days of `calendar`. */
  workingDays?: boolean;
}

/**
 * When a timer is next due, or `null` when it has nothing left to fire: a date fires once at
 * that instant (even if past: the runtime fires it at once), a duration once at `from` plus
 * the duration, a cycle as `nextCycleDue` says. The one entry point the runtime calls. Pure.
 * @throws EngineError TIME_INVALID with `details: { value, kind }` of the spec.
 */
export function timerDue(spec: TimerSpec, ctx: TimerContext): number | null {
  try {
    return dueOf(spec, ctx);
  } catch (err) {
    throw asSpecError(spec, err);
  }
}

function dueOf(spec: TimerSpec, ctx: TimerContext): number | null {
  checkContext(spec, ctx);
  switch (spec.kind) {
    case 'date': {
      const due = parseDateTime(spec.value, ctx.zone);
      return ctx.fired > 0 ? null : due;
    }
    case 'duration': {
      const due = addDuration(ctx.from, parseDuration(spec.value), durationOptions(spec, ctx));
      return ctx.fired > 0 ? null : due;
    }
    case 'cycle':
      if (isCronText(spec.value)) {
        if (ctx.workingDays) throw timeInvalid('cycle', spec.value, 'is a cron expression, which names its days itself; leave out yc:calendar="working"');
        return nextCronDue(spec.value, ctx.from, ctx.zone);
      }
      return nextCycleDue(parseCycle(spec.value, ctx.zone), ctx.from, ctx.fired, durationOptions(spec, ctx));
    default:
      throw new EngineError('TIME_INVALID', `timer kind "${String(spec.kind)}" is unknown; use date, duration or cycle`, {
        value: spec.value, kind: spec.kind,
      });
  }
}

function checkContext(spec: TimerSpec, ctx: TimerContext): void {
  if (typeof ctx.from !== 'number' || !Number.isFinite(ctx.from)) {
    throw timeInvalid(spec.kind, spec.value, `cannot be scheduled from ${String(ctx.from)}, which is not an instant in epoch ms`);
  }
  if (!Number.isSafeInteger(ctx.fired) || ctx.fired < 0) {
    throw timeInvalid(spec.kind, spec.value, `cannot be scheduled with fired = ${String(ctx.fired)}; count firings from 0`);
  }
}

function durationOptions(spec: TimerSpec, ctx: TimerContext): AddDurationOptions {
  if (!ctx.workingDays) return { zone: ctx.zone };
  if (!ctx.calendar) throw timeInvalid(spec.kind, spec.value, 'counts working days but no working calendar was given');
  return { zone: ctx.zone, workingDays: ctx.calendar };
}

/** Points a time error at the spec the modeler wrote, not at the part that failed. */
function asSpecError(spec: TimerSpec, err: unknown): unknown {
  if (!(err instanceof EngineError) || err.code !== 'TIME_INVALID') return err;
  if (err.details.value === spec.value && err.details.kind === spec.kind) return err;
  return new EngineError('TIME_INVALID', `${spec.kind} timer "${spec.value}": ${err.message}`, { value: spec.value, kind: spec.kind });
}
