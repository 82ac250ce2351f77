import { EngineError } from '../errors.js';

/**
 * The zone whose wall clock the engine reads dates, days and FEEL's `today()` in. The engine
 * is told it (the `timeZone` option); it never reads the host's, so a history replayed on
 * another machine computes the same due dates.
 */
export interface TimeZone {
  /** The IANA name, e.g. `Asia/Shanghai`. */
  readonly id: string;
  /** How far the zone's wall clock is ahead of UTC at `instant`, in ms (Asia/Shanghai today: 8 h). */
  offsetAt(instant: number): number;
}

/** The default when the embedder names no zone: the one zone every machine agrees on. */
export const UTC_ZONE: TimeZone = { id: 'UTC', offsetAt: () => 0 };

const zones = new Map<string, TimeZone>([['UTC', UTC_ZONE]]);

/**
 * The zone of an IANA name, with its offsets (daylight saving included) from the platform's
 * time zone database. Pure: the same name answers the same on every call.
 * @throws EngineError TIME_ZONE_INVALID for a name that is not an IANA zone.
 */
export function timeZone(id: string): TimeZone {
  const known = zones.get(id);
  if (known) return known;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: id, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    throw new EngineError('TIME_ZONE_INVALID', `"${String(id)}" is not an IANA time zone; name one such as Asia/Shanghai or Europe/Berlin`, { timeZone: id });
  }
  const zone = zonedBy(id, format);
  zones.set(id, zone);
  return zone;
}

/** A zone reading offsets from an Intl formatter, remembered per hour (offsets change on the hour or half hour at most). */
function zonedBy(id: string, format: Intl.DateTimeFormat): TimeZone {
  const byQuarterHour = new Map<number, number>();
  return {
    id,
    offsetAt(instant: number): number {
      const bucket = Math.floor(instant / 900_000);
      let offset = byQuarterHour.get(bucket);
      if (offset === undefined) {
        offset = wallClockOf(format, bucket * 900_000) - bucket * 900_000;
        if (byQuarterHour.size > 20_000) byQuarterHour.clear();
        byQuarterHour.set(bucket, offset);
      }
      return offset;
    },
  };
}

/** The zone's wall-clock time at `instant`, read as if it were UTC (epoch ms). */
function wallClockOf(format: Intl.DateTimeFormat, instant: number): number {
  const part: Record<string, number> = {};
  let beforeChrist = false;
  for (const { type, value } of format.formatToParts(new Date(instant))) {
    if (type === 'era') beforeChrist = value === 'BC';
    else part[type] = Number(value);
  }
  const wall = new Date(0);
  // Year 1 BC is year 0 in the proleptic count ISO 8601 and Date use.
  wall.setUTCFullYear(beforeChrist ? 1 - part.year! : part.year!, part.month! - 1, part.day!);
  wall.setUTCHours(part.hour!, part.minute!, part.second!, 0);
  return wall.getTime();
}
