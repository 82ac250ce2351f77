import { Redis } from 'ioredis';
import type { HitCounter } from './rate-limit.js';

/**
 * The shared rate-limit counter for server mode, in Redis: one key per client and window,
 * INCR and PEXPIRE in one MULTI, so every api process counts into the same number and the
 * keys delete themselves. Redis rather than a PostgreSQL table: these counters live a minute,
 * and an anonymous page anyone can hammer should not write to the case database.
 */
export class RedisHits implements HitCounter {
  private readonly redis: Redis;
  private readonly keyPrefix: string;

  /** `prefix`: the deployment's key namespace (YC_QUEUE_PREFIX); `name`: which limit this counts. */
  constructor(options: { url: string; prefix?: string; name: string }) {
    this.redis = new Redis(options.url, { maxRetriesPerRequest: 2 });
    this.keyPrefix = `${options.prefix ?? 'yc'}:rate:${options.name}`;
  }

  async hit(key: string, windowStart: number, windowMs: number): Promise<number> {
    const name = `${this.keyPrefix}:${windowStart}:${key}`;
    // Twice the window: a key outlives its window even when this clock and Redis's disagree a little.
    const results = await this.redis.multi().incr(name).pexpire(name, windowMs * 2).exec();
    const [err, count] = results?.[0] ?? [new Error('Redis answered no result for INCR')];
    if (err) throw err;
    return Number(count);
  }

  /** Deletes this counter's keys (tests, resets; KEYS is fine for the few a test makes). */
  async forget(): Promise<void> {
    const keys = await this.redis.keys(`${this.keyPrefix}:*`);
    if (keys.length > 0) await this.redis.del(...keys);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
