/** ISO 8601 dates, durations and repeating intervals on a time zone's wall clock; pure, no clock. */
export { nextCycleDue, parseCycle } from './cycle.js';
export type { Cycle } from './cycle.js';
export { parseDateTime } from './date-time.js';
export { addDuration, formatDuration, parseDuration } from './duration.js';
export type { AddDurationOptions, Duration } from './duration.js';
export { timeInvalid } from './invalid.js';
export type { TimeKind } from './invalid.js';
export { timerDue } from './timer.js';
export type { TimerContext, TimerSpec } from './timer.js';
