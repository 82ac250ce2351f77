import { ApiError } from './errors.js';

/**
 * Where a rate limit counts (the port): hits of one key in one fixed window. Embedded, in
 * this process (`memoryHits`); in server mode shared by every api process (`RedisHits`),
 * so running three of them does not triple the limit.
 */
export interface HitCounter {
  /** Counts one hit of `key` in the window that starts at `windowStart`; returns the hits so far in it. */
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
}

/** Counts in this process's memory; old windows are swept as it goes. Not pure: it keeps state. */
export function memoryHits(): HitCounter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, windowStart) {
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.start < windowStart) windows.delete(k);
      const current = windows.get(key);
      const window = current?.start === windowStart ? current : { start: windowStart, count: 0 };
      window.count += 1;
      windows.set(key, window);
      return window.count;
    },
  };
}

/**
 * A fixed-window limit per key (the client address; enough to slow down guessing case
 * numbers on the public tracking page). Windows are aligned to the clock, not to a key's
 * first hit, so every process that shares a counter agrees which window a hit falls in.
 * The returned check throws 429 RATE_LIMITED, saying when to try again.
 */
export function rateLimiter(options: { max: number; windowMs: number; now: () => number; counter?: HitCounter }): (key: string) => Promise<void> {
  const counter = options.counter ?? memoryHits();
  return async (key) => {
    const now = options.now();
    const windowStart = now - (now % options.windowMs);
    if ((await counter.hit(key, windowStart, options.windowMs)) > options.max) {
      throw new ApiError(429, 'RATE_LIMITED', `查询过于频繁，请 ${Math.ceil((windowStart + options.windowMs - now) / 1000)} 秒后再试`);
    }
  };
}
