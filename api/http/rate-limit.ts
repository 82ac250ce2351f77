import { ApiError } from './errors.js';

/**
 * A simple fixed-window limit per client address, kept in memory (one process; enough to
 * slow down guessing case numbers on the public tracking page). Old windows are swept as it goes.
 */
export function rateLimiter(options: { max: number; windowMs: number; now: () => number }): (key: string) => void {
  const windows = new Map<string, { start: number; count: number }>();
  return (key) => {
    const now = options.now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
    const current = windows.get(key);
    const window = current && now - current.start < options.windowMs ? current : { start: now, count: 0 };
    window.count += 1;
    windows.set(key, window);
    if (window.count > options.max) {
      throw new ApiError(429, 'RATE_LIMITED', `查询过于频繁，请 ${Math.ceil((window.start + options.windowMs - now) / 1000)} 秒后再试`);
    }
  };
}
