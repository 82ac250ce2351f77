import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Where the rate limits count (rate-limiter-flexible's stores): embedded, in this process's
 * memory; in server mode in Redis, so every api process counts into the same numbers and
 * running three of them does not triple a limit. Redis rather than a PostgreSQL table: these
 * counters live minutes, and anonymous pages anyone can hammer should not write to the case database.
 */
export interface LimiterStore {
  /** A limiter of `points` per `durationS` seconds under `name` (one namespace per limit). */
  limiter(name: string, points: number, durationS: number): RateLimiterAbstract;
  /** Where the counts are kept, for the startup lines. */
  readonly where: string;
  close(): Promise<void>;
}

/** Counts in this process. */
export function memoryLimiters(): LimiterStore {
  return {
    where: 'counted in this process',
    limiter: (name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration }),
    close: async () => undefined,
  };
}

/** Counts in Redis under `<prefix>:rate:<name>:…` (`prefix`: the deployment's key namespace, YC_QUEUE_PREFIX). */
export class RedisLimiters implements LimiterStore {
  readonly where = 'shared by every api process, in Redis';
  private readonly redis: Redis;
  private readonly keyPrefix: string;

  constructor(options: { url: string; prefix?: string }) {
    this.redis = new Redis(options.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.keyPrefix = `${options.prefix ?? 'yc'}:rate`;
  }

  /** While Redis does not answer, each process counts for itself (the insurance limiter) rather than failing every sign-in. */
  limiter(name: string, points: number, duration: number): RateLimiterAbstract {
    const insuranceLimiter = new RateLimiterMemory({ keyPrefix: name, points, duration });
    return new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${this.keyPrefix}:${name}`, points, duration, insuranceLimiter });
  }

  /** Deletes this deployment's counters (tests, resets; KEYS is fine for the few a test makes). */
  async forget(): Promise<void> {
    const keys = await this.redis.keys(`${this.keyPrefix}:*`);
    if (keys.length > 0) await this.redis.del(...keys);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
