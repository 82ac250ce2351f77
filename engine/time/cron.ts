import { CronExpressionParser } from 'cron-parser';
import type { TimeZone } from '../calendar/time-zone.js';
import { timeInvalid } from './invalid.js';

/**
 * A time cycle written as a cron expression, as Camunda 8 allows beside ISO 8601 repeating
 * intervals: six fields from the seconds (`0 0 9 * * MON-FRI`, Spring's form, which Zeebe reads),
 * five from the minutes, or a macro (`@daily`). Tells it from an interval, which starts with R. Pure.
 */
export function isCronText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('@') || (!/^R/i.test(trimmed) && /^\S+(\s+\S+){4,5}$/.test(trimmed));
}

/**
 * The first instant after `after` that the cron expression names, read on the wall clock of
 * `zone` (09:00 on working days is 09:00 there, whatever the host's zone). A cron cycle has no
 * count and no end: it fires as long as its element waits. Pure.
 * @throws EngineError TIME_INVALID naming the expression and what is wrong with it.
 */
export function nextCronDue(text: string, after: number, zone: TimeZone): number {
  try {
    return CronExpressionParser.parse(text.trim(), { currentDate: new Date(after), tz: zone.id }).next().getTime();
  } catch (err) {
    throw timeInvalid('cycle', text, `is not a cron expression that can be read (${err instanceof Error ? err.message : String(err)})`);
  }
}
