import { describe, expect, test } from '@jest/globals';
import { atLocalTime, localDate, localTimeOfDay, timeZone, UTC_ZONE } from '../../../engine/calendar/index.js';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('time zones by IANA name', () => {
  test('an unknown name is refused with the code and an example', () => {
    expect(() => timeZone('Mars/Olympus')).toThrow(expect.objectContaining({ code: 'TIME_ZONE_INVALID' }));
    expect(() => timeZone('Mars/Olympus')).toThrow(/Asia\/Shanghai/);
  });

  test('offsets come from the zone database, daylight saving included (China kept it from 1986 to 1991)', () => {
    const shanghai = timeZone('Asia/Shanghai');
    expect(shanghai.offsetAt(at('2026-12-07T00:00:00Z'))).toBe(8 * HOUR);
    expect(shanghai.offsetAt(at('1988-07-01T00:00:00Z'))).toBe(9 * HOUR);
    const berlin = timeZone('Europe/Berlin');
    expect(berlin.offsetAt(at('2026-01-15T12:00:00Z'))).toBe(1 * HOUR);
    expect(berlin.offsetAt(at('2026-07-15T12:00:00Z'))).toBe(2 * HOUR);
    expect(UTC_ZONE.offsetAt(at('2026-07-15T12:00:00Z'))).toBe(0);
  });

  test('the same instant is a different day in Shanghai and in UTC', () => {
    const instant = at('2026-09-30T20:00:00Z');
    expect(localDate(timeZone('Asia/Shanghai'), instant)).toBe('2026-10-01');
    expect(localDate(UTC_ZONE, instant)).toBe('2026-09-30');
    expect(localTimeOfDay(timeZone('Asia/Shanghai'), instant)).toBe(4 * HOUR);
  });

  test('a wall time a clock change skips is read after the change, a repeated one as its first occurrence (as java.time)', () => {
    const newYork = timeZone('America/New_York');
    // 2026-03-08 02:30 does not exist in New York (02:00 EST jumps to 03:00 EDT): 03:30 EDT.
    expect(atLocalTime(newYork, '2026-03-08', 2.5 * HOUR)).toBe(at('2026-03-08T07:30:00Z'));
    // 2026-11-01 01:30 happens twice (EDT, then EST): the first, 05:30Z.
    expect(atLocalTime(newYork, '2026-11-01', 1.5 * HOUR)).toBe(at('2026-11-01T05:30:00Z'));
    // Later on both days, the offset after the change.
    expect(atLocalTime(newYork, '2026-03-08', 12 * HOUR)).toBe(at('2026-03-08T16:00:00Z'));
    expect(atLocalTime(newYork, '2026-11-01', 12 * HOUR)).toBe(at('2026-11-01T17:00:00Z'));
  });
});
