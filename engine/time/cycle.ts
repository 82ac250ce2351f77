import { EngineError } from '../errors.js';
import { parseDateTime } from './date-time.js';
import type { TimeZone } from '../calendar/time-zone.js';
import { addDuration, formatDuration, parseDuration } from './duration.js';
import type { AddDurationOptions, Duration } from './duration.js';
import { timeInvalid } from './invalid.js';

/** A parsed ISO 8601 repeating interval. */
export interface Cycle {
  /** How many times the timer fires; `null` for `R/…` (until the element is left). */
  repetitions: number | null;
  interval: Duration;
  /** `Rn/start/duration`: the first firing. */
  start?: number;
  /** `Rn/duration/end`: no firing after this instant. */
  end?: number;
}

/**
 * Parses `Rn/duration`, `R/duration`, `Rn/start/duration` and `Rn/duration/end`. Pure.
 * `Rn/start/end` is refused: "n repetitions between two dates" leaves the interval to be
 * derived, and Zeebe, whose models we run, refuses it too.
 * @throws EngineError TIME_INVALID naming the text and a valid example.
 */
export function parseCycle(text: string, zone: TimeZone): Cycle {
  const parts = typeof text === 'string' ? text.split('/') : [];
  const repetitions = parseRepetitions(text, parts[0]);
  const rest = parts.slice(1);
  if (rest.length === 1) return { repetitions, interval: intervalOf(text, rest[0]) };
  if (rest.length !== 2) throw timeInvalid('cycle', text, 'is not Rn/duration, Rn/start/duration or Rn/duration/end');
  const [first = '', second = ''] = rest;
  if (isDurationText(first) && !isDurationText(second)) return { repetitions, interval: intervalOf(text, first), end: dateOf(text, second, zone) };
  if (!isDurationText(first) && isDurationText(second)) return { repetitions, interval: intervalOf(text, second), start: dateOf(text, first, zone) };
  throw timeInvalid('cycle', text, 'must have exactly one duration besides the repetitions; start/end cycles are not supported');
}

/**
 * When a cycle fires next, or `null` once it has fired `repetitions` times or would pass
 * its end. Pure. `anchor` is when the timer was activated (before the first firing) and the
 * previous due instant after that, so repeated firings keep their grid instead of drifting.
 *
 * As in Zeebe: with a start, the first firing is at the start, or at once (`anchor`) if the
 * start has passed; every later firing is the previous one plus the interval. Without a
 * start, the first firing is one interval after activation. With an end (Camunda 7's
 * `Rn/duration/end`), firings stop at the end. A runtime that resumes after missing several
 * firings should re-anchor on "now", as Zeebe does, rather than fire them all at once.
 */
export function nextCycleDue(cycle: Cycle, anchor: number, firedSoFar: number, options: AddDurationOptions): number | null {
  if (!Number.isSafeInteger(firedSoFar) || firedSoFar < 0) {
    throw new EngineError('TIME_INVALID', `fired count ${String(firedSoFar)} must be a whole number ≥ 0`, { value: firedSoFar, kind: 'cycle' });
  }
  if (cycle.repetitions !== null && firedSoFar >= cycle.repetitions) return null;
  const due = firedSoFar === 0 && cycle.start !== undefined
    ? Math.max(cycle.start, anchor)
    : addDuration(anchor, cycle.interval, options);
  return cycle.end !== undefined && due > cycle.end ? null : due;
}

function parseRepetitions(text: string, head: string | undefined): number | null {
  const match = /^R(\d*)$/i.exec(head ?? '');
  if (!match || head === text) throw timeInvalid('cycle', text, 'must start with R or Rn followed by /');
  if (match[1] === '') return null;
  const n = Number(match[1]);
  if (n < 1 || !Number.isSafeInteger(n)) throw timeInvalid('cycle', text, `repeats ${match[1]} times; use R1 or more, or R for no limit`);
  return n;
}

function intervalOf(text: string, part: string | undefined): Duration {
  if (part?.startsWith('-')) throw timeInvalid('cycle', text, 'repeats a negative interval; timers only count forward');
  const interval = inner(text, part, 'duration', parseDuration);
  // A zero interval would fire without end in the same instant.
  if (formatDuration(interval) === 'P0D') throw timeInvalid('cycle', text, 'repeats a zero interval');
  return interval;
}

function dateOf(text: string, part: string, zone: TimeZone): number {
  return inner(text, part, 'date-time', (date) => parseDateTime(date, zone));
}

/** Parses one part, reporting a failure against the whole cycle the modeler wrote. */
function inner<T>(text: string, part: string | undefined, expected: string, parse: (part: string) => T): T {
  try {
    return parse(part ?? '');
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    throw timeInvalid('cycle', text, `has "${part ?? ''}" where a ${expected} belongs`);
  }
}

function isDurationText(part: string): boolean {
  return /^[-+]?P/i.test(part);
}
