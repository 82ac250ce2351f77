import { EngineError } from '../errors.js';
import { assertLocalDate, isLocalDate } from './local-date.js';
import type { DayInfo, DayOverride, LocalDate, WorkingCalendar } from './types.js';
import { UTC_ZONE } from './time-zone.js';
import type { TimeZone } from './time-zone.js';

/**
 * Checks an administrator's override table and indexes it by date. Pure.
 * Repeating a date is allowed when the entries agree (tables get merged from several
 * notices); contradicting entries are refused, since either answer would be a guess.
 * @throws EngineError CALENDAR_OVERRIDE_INVALID naming the offending entry and its index.
 */
export function validateOverrides(overrides: readonly DayOverride[]): ReadonlyMap<LocalDate, DayOverride> {
  if (!Array.isArray(overrides)) throw invalid('the override table must be a list of { date, working, name? }', {});
  const byDate = new Map<LocalDate, DayOverride>();
  overrides.forEach((entry, index) => {
    checkEntry(entry, index);
    const earlier = byDate.get(entry.date);
    if (earlier && contradicts(earlier, entry)) {
      throw invalid(`override #${index} for ${entry.date} contradicts an earlier entry for the same day; keep one`, {
        index, entry, earlier,
      });
    }
    byDate.set(entry.date, { ...earlier, ...entry, name: entry.name ?? earlier?.name });
  });
  return byDate;
}

/**
 * A calendar answering from the override table first and from `base` for every other day.
 * Pure if `base` is. Validates the table once, up front.
 */
export function withOverrides(base: (day: LocalDate) => DayInfo, overrides: readonly DayOverride[] = [], timeZone: TimeZone = UTC_ZONE): WorkingCalendar {
  const table = validateOverrides(overrides);
  return {
    timeZone,
    dayInfo(day: LocalDate): DayInfo {
      assertLocalDate(day);
      const hit = table.get(day);
      if (!hit) return base(day);
      const info: DayInfo = { date: day, working: hit.working, source: 'override' };
      return hit.name === undefined ? info : { ...info, name: hit.name };
    },
  };
}

function checkEntry(entry: DayOverride, index: number): void {
  const shown = { index, entry };
  if (typeof entry !== 'object' || entry === null) throw invalid(`override #${index} must be an object { date, working, name? }`, shown);
  if (!isLocalDate(entry.date)) {
    throw invalid(`override #${index} has date "${String(entry.date)}"; write a real day as YYYY-MM-DD, e.g. 2027-01-01`, shown);
  }
  if (typeof entry.working !== 'boolean') {
    throw invalid(`override #${index} (${entry.date}) needs working: true (a working day) or false (a day off)`, shown);
  }
  if (entry.name !== undefined && typeof entry.name !== 'string') {
    throw invalid(`override #${index} (${entry.date}) has a name that is not text`, shown);
  }
}

function contradicts(a: DayOverride, b: DayOverride): boolean {
  return a.working !== b.working || (a.name !== undefined && b.name !== undefined && a.name !== b.name);
}

function invalid(message: string, details: Record<string, unknown>): EngineError {
  return new EngineError('CALENDAR_OVERRIDE_INVALID', message, details);
}
