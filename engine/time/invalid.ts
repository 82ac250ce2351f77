import { EngineError } from '../errors.js';

/** The three forms a BPMN timer takes (timeDate, timeDuration, timeCycle). */
export type TimeKind = 'date' | 'duration' | 'cycle';

const EXAMPLES: Record<TimeKind, string> = {
  date: 'write an ISO 8601 date-time such as 2026-10-01T09:00:00+08:00, 2026-10-01T01:00:00Z, '
    + '2026-10-01T09:00 (the engine\'s time zone) or 2026-10-01 (midnight there)',
  duration: 'write an ISO 8601 duration such as PT10M, P3D, P1Y2M or P1DT4H30M',
  cycle: 'write an ISO 8601 repeating interval such as R5/PT10S, R/P1D, '
    + 'R3/2026-01-01T08:00:00+08:00/P1D or R3/PT1H/2026-01-01T18:00:00+08:00, or a cron expression such as 0 0 9 * * MON-FRI',
};

/**
 * The one error the time functions throw: the text, what is wrong with it, and what a
 * valid one looks like. `details` is `{ value, kind }` so callers can point at the field.
 * Pure.
 */
export function timeInvalid(kind: TimeKind, value: unknown, problem: string): EngineError {
  const text = typeof value === 'string' ? `"${value}"` : String(value);
  return new EngineError('TIME_INVALID', `${kind} ${text} ${problem}; ${EXAMPLES[kind]}`, { value, kind });
}
