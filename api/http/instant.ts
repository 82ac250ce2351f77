import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

/**
 * Times at the API's edge. Inside the server an instant is epoch milliseconds; on the wire it
 * is ISO 8601 in China time with its offset (`2026-03-02T09:00:00+08:00`), to the second
 * unless the client asks for milliseconds (`?timePrecision=ms`). China keeps no daylight
 * saving, so the offset is always +08:00.
 */
export type TimePrecision = 's' | 'ms';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The precision the current answer is encoded with; `mount` sets it per request. */
const precision = new AsyncLocalStorage<TimePrecision>();

/** Runs `encode` with instants written at `p` (seconds unless a client asked for ms). Not pure: scoped state. */
export function withTimePrecision<T>(p: TimePrecision, encode: () => T): T {
  return precision.run(p, encode);
}

/** An instant as ISO 8601 China time, e.g. `2026-03-16T23:59:59+08:00` (`.999` with ms). Pure. */
export function isoInstant(ms: number, p: TimePrecision = 's'): string {
  const wall = new Date(Math.floor(ms) + CHINA_OFFSET_MS).toISOString(); // 2026-03-16T15:59:59.999Z, shifted to China's wall clock
  return `${wall.slice(0, p === 'ms' ? 23 : 19)}+08:00`;
}

const isoText = z.iso.datetime({ offset: true, message: '请填写带时区的 ISO 8601 时间，例如 2026-03-02T09:00:00+08:00' })
  .meta({ description: 'ISO 8601 时间（中国时区 +08:00，精确到秒；timePrecision=ms 时精确到毫秒）', examples: ['2026-03-02T09:00:00+08:00'] });

/**
 * An instant: ISO 8601 with offset (or Z) outside, epoch ms inside. Requests decode through it,
 * answers encode through it (`z.encode`), and OpenAPI shows `format: date-time`.
 */
export const instant = z.codec(isoText, z.number().int(), {
  decode: (text) => Date.parse(text),
  encode: (ms) => isoInstant(ms, precision.getStore() ?? 's'),
});

/** Keys of a free-form record (a case log line's detail) that hold instants: by convention named `…At`. */
const INSTANT_KEY = /At$/;

/** A free-form value with its `…At` numbers, at any depth, written as instants. Pure but for the request's precision. */
function encodeInstants(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encodeInstants);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) =>
    [key, INSTANT_KEY.test(key) && typeof v === 'number' ? isoInstant(v, precision.getStore() ?? 's') : encodeInstants(v)]));
}

/**
 * A free-form record whose `…At` numbers are instants (in nested objects and lists too), encoded
 * like every other time; the rest passes as it is. For answers only (the case log's details,
 * whose fields differ by action): a new detail that holds a time names it `…At` and is encoded
 * with no change here.
 */
export const recordWithInstants = z.codec(z.record(z.string(), z.unknown()), z.record(z.string(), z.unknown()), {
  decode: (record) => record,
  encode: (record) => encodeInstants(record) as Record<string, unknown>,
});
