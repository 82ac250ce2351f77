import { atLocalTime, isLocalDate } from '../calendar/local-date.js';
import { UTC_ZONE } from '../calendar/time-zone.js';
import type { TimeZone } from '../calendar/time-zone.js';
import { timeInvalid } from './invalid.js';

// date, then optionally: time, fraction (kept to the millisecond), Z or ±hh[:mm], [Zone/Id]
const DATE_TIME = new RegExp('^(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?'
  + '(?:(Z)|([+-])(\\d{2})(?::?(\\d{2}))?)?(?:\\[([^\\]]+)\\])?)?$', 'i');
/** java.time's limit for offsets; real ones stay within ±14:00. */
const MAX_OFFSET_HOURS = 18;

/**
 * Parses an ISO 8601 date-time to an instant: `2026-10-01T09:00:00+08:00`, `…Z`, no zone
 * (the wall clock of `zone`, the engine's time zone: what a modeler there means), or a plain
 * date (`2026-10-01` = midnight in `zone`). A bracketed zone id, as Camunda writes
 * `+02:00[Europe/Berlin]`, is accepted with an offset, which alone fixes the instant, and
 * without one when it is `zone` itself. Pure.
 * @throws EngineError TIME_INVALID naming the text and a valid example.
 */
export function parseDateTime(text: string, zone: TimeZone): number {
  const match = typeof text === 'string' ? DATE_TIME.exec(text) : null;
  if (!match) throw timeInvalid('date', text, 'is not an ISO 8601 date-time');
  const [, day = '', hh = '00', mm = '00', ss = '00', fraction = '', zulu, sign, offH = '00', offM = '00', named] = match;
  if (!isLocalDate(day)) throw timeInvalid('date', text, `names no real day (${day})`);
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) throw timeInvalid('date', text, 'has a time of day out of range');
  const msOfDay = (Number(hh) * 60 + Number(mm)) * 60_000 + Number(ss) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
  // The wall time read as UTC: an explicit offset then fixes the instant without any zone.
  const asUtc = atLocalTime(UTC_ZONE, day, msOfDay);
  if (zulu) return asUtc;
  if (sign) return asUtc - offsetMs(text, sign, offH, offM);
  if (named !== undefined && named !== zone.id) {
    throw timeInvalid('date', text, `names zone ${named} without a UTC offset; add it, as in 2026-10-01T09:00:00+02:00[${named}]`);
  }
  return atLocalTime(zone, day, msOfDay);
}

function offsetMs(text: string, sign: string, hours: string, minutes: string): number {
  if (Number(hours) > MAX_OFFSET_HOURS || Number(minutes) > 59) throw timeInvalid('date', text, 'has a UTC offset out of range');
  const ms = (Number(hours) * 60 + Number(minutes)) * 60_000;
  return sign === '-' ? -ms : ms;
}
