import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterStore } from '../security/limiters.js';
import type { SecuritySettings } from '../security/settings.js';
import { ApiError } from '../http/errors.js';

/**
 * Brute-force protection of sign-in (rate-limiter-flexible's recipe): failures are counted per
 * account and per client address; once either reaches its limit it is locked for a while and
 * every try is refused before the password is looked at. An account locks after a few failures
 * (about ten in fifteen minutes); an address only far above that, since a whole centre often
 * sits behind one. Unknown usernames count and lock like known ones, so a lock reveals nothing.
 */
export class LoginThrottle {
  private readonly account: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;

  constructor(store: LimiterStore, private readonly settings: SecuritySettings) {
    this.account = store.limiter('login-account', settings.loginAccountFailures, settings.loginAccountWindowS);
    this.address = store.limiter('login-address', settings.loginAddressFailures, settings.loginAddressWindowS);
  }

  /** Throws 429 LOGIN_LOCKED while the account or the address is locked. */
  async check(username: string, address: string): Promise<void> {
    const [byAccount, byAddress] = await Promise.all([this.account.get(accountKey(username)), this.address.get(address)]);
    const waits = [
      byAccount && byAccount.consumedPoints >= this.settings.loginAccountFailures ? byAccount.msBeforeNext : 0,
      byAddress && byAddress.consumedPoints >= this.settings.loginAddressFailures ? byAddress.msBeforeNext : 0,
    ];
    const wait = Math.max(...waits);
    if (wait > 0) {
      const minutes = Math.max(1, Math.ceil(wait / 60_000));
      throw new ApiError(429, 'LOGIN_LOCKED', `登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试；如忘记密码，请联系系统管理员重置`);
    }
  }

  /** Counts a failed sign-in against both; the one that reaches its limit is locked for its lock time. */
  async failed(username: string, address: string): Promise<void> {
    await Promise.all([
      this.count(this.account, accountKey(username), this.settings.loginAccountFailures, this.settings.loginAccountLockS),
      this.count(this.address, address, this.settings.loginAddressFailures, this.settings.loginAddressLockS),
    ]);
  }

  /** A successful sign-in clears the account's failures (not the address's: one good password must not reset a whole centre's count). */
  async succeeded(username: string): Promise<void> {
    await this.account.delete(accountKey(username));
  }

  private async count(limiter: RateLimiterAbstract, key: string, points: number, lockS: number): Promise<void> {
    const res = await limiter.consume(key).catch((rejected: unknown) => {
      if (rejected instanceof RateLimiterRes) return rejected;
      throw rejected;
    });
    if (res.consumedPoints >= points) await limiter.block(key, lockS);
  }
}

/** Usernames are compared as typed, but a lock should not be dodged by changing case. Pure. */
const accountKey = (username: string) => username.trim().toLowerCase();
