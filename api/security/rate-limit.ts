import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiError } from '../http/errors.js';

/**
 * Counts one hit of `key`; past the limiter's points throws 429 RATE_LIMITED saying, in
 * Chinese, when to try again. A failure of the store itself (Redis down) is not a refusal:
 * it is passed on as the error it is.
 */
export async function hitOrRefuse(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejected) {
    if (!(rejected instanceof RateLimiterRes)) throw rejected;
    throw tooOften(rejected.msBeforeNext);
  }
}

/** 429 with the seconds to wait. Pure. */
export function tooOften(msBeforeNext: number): ApiError {
  return new ApiError(429, 'RATE_LIMITED', `查询过于频繁，请 ${Math.max(1, Math.ceil(msBeforeNext / 1000))} 秒后再试`);
}
