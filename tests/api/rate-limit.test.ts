import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { VirtualClock } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import { openPlatform } from '../../api/platform.js';
import type { Platform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import { RedisLimiters, memoryLimiters } from '../../api/security/limiters.js';
import type { LimiterStore } from '../../api/security/limiters.js';
import { securitySettings } from '../../api/security/settings.js';
import type { SecuritySettings } from '../../api/security/settings.js';
import { addressKey } from '../../api/security/client-address.js';
import { trustProxyFrom } from '../../api/http/trust-proxy.js';
import type { TrustProxy } from '../../api/http/trust-proxy.js';
import { uniqueName } from '../engine/queue/support.js';
import { httpClient } from './support.js';

const START = Date.parse('2026-03-02T09:00:10+08:00');
const UNKNOWN_CASE = '/track/330324-ob-20260302-9999?code=ABCD2345';

let platform: Platform;
const servers: Server[] = [];
const redisStores: RedisLimiters[] = [];

beforeAll(async () => {
  platform = await openPlatform({ store: new KnexStore({}), clock: new VirtualClock(START) });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all(redisStores.splice(0).map(async (store) => { await store.forget(); await store.close(); }));
});
afterAll(async () => {
  await platform.engine.close();
});

/** The limit per address alone: the one per case number (which these looks at one unknown case would reach first) set out of the way. */
const perAddress = (changes: Partial<SecuritySettings> = {}) => securitySettings({ trackCaseFailures: 10_000, ...changes });

/** One api process's public tracking page, counting looks in `limiters`; returns a look from an address (X-Forwarded-For). */
async function apiProcess(limiters: LimiterStore, trustProxy: TrustProxy = false, security: SecuritySettings = perAddress()) {
  const server = await new Promise<Server>((resolve) => {
    const s = createApp({ db: platform.db, engine: platform.engine, limiters, security, trustProxy }).listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const { call } = httpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return (from?: string) => call('GET', UNKNOWN_CASE, from ? { headers: { 'x-forwarded-for': from } } : {});
}

async function statuses(look: (from?: string) => Promise<{ status: number }>, times: number, from?: (i: number) => string): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await look(from?.(i))).status);
  return seen;
}

const sharedStore = (prefix: string) => {
  const store = new RedisLimiters({ url: process.env.REDIS_URL!, prefix });
  redisStores.push(store);
  return store;
};

const kinds: Array<[string, () => LimiterStore]> = [['in this process (embedded)', memoryLimiters]];
if (process.env.REDIS_URL) kinds.push(['shared in Redis (server mode)', () => sharedStore(uniqueName('rl'))]);

describe.each(kinds)('the public tracking page, its looks counted %s', (_kind, limiters) => {
  test('the 31st look in a minute from one address gets 429 with the Chinese message saying when to try again', async () => {
    const look = await apiProcess(limiters());
    expect(await statuses(look, 30)).toEqual(Array(30).fill(404));
    const refused = await look();
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED', fields: [] } } });
    expect(refused.body.error.message).toMatch(/^查询过于频繁，请 (60|5\d) 秒后再试$/);
  });

  test('once its window has passed (a one-second window here), the address gets through again', async () => {
    const look = await apiProcess(limiters(), false, perAddress({ trackAddressLooks: 3, trackAddressWindowS: 1 }));
    expect(await statuses(look, 4)).toEqual([404, 404, 404, 429]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await look()).status).toBe(404);
  });
});

const describeRedis: typeof describe.skip = process.env.REDIS_URL ? describe : describe.skip;
const redisTitle = (title: string) => (process.env.REDIS_URL ? title : `${title} (skipped: set REDIS_URL to run against real Redis)`);

describeRedis(redisTitle('the shared limit with several api processes'), () => {
  test('two api processes count into one limit: 20 looks at one and 10 at the other leave the next look at either refused', async () => {
    const prefix = uniqueName('rl');
    const [first, second] = [await apiProcess(sharedStore(prefix)), await apiProcess(sharedStore(prefix))];
    expect([...await statuses(first, 20), ...await statuses(second, 10)]).toEqual(Array(30).fill(404));
    expect((await second()).status).toBe(429);
    expect((await first()).status).toBe(429);
  });
});

describe('the key an address is counted under', () => {
  test('IPv4 as it is, IPv4-mapped IPv6 as its IPv4, IPv6 by its /64 however it is written', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });

  test('looks from many addresses of one IPv6 /64 share one limit', async () => {
    const look = await apiProcess(memoryLimiters(), trustProxyFrom('loopback'), perAddress({ trackAddressLooks: 5 }));
    expect(await statuses(look, 5, (i) => `2001:db8:0:1::${i + 1}`)).toEqual(Array(5).fill(404));
    expect((await look('2001:db8:0:1:abcd::9')).status).toBe(429);
    expect((await look('2001:db8:0:2::1')).status).toBe(404);
  });
});

describe('the client address behind a reverse proxy (YC_TRUST_PROXY)', () => {
  test('off by default: X-Forwarded-For is ignored, so 31 looks claiming 31 addresses are still one client', async () => {
    const look = await apiProcess(memoryLimiters(), trustProxyFrom(undefined));
    expect(await statuses(look, 30, (i) => `203.0.113.${i}`)).toEqual(Array(30).fill(404));
    expect((await look('198.51.100.7')).status).toBe(429);
  });

  test('set to the proxy\'s address, X-Forwarded-For names the client: each forwarded address has its own limit', async () => {
    const look = await apiProcess(memoryLimiters(), trustProxyFrom('loopback'));
    expect(await statuses(look, 30, () => '203.0.113.1')).toEqual(Array(30).fill(404));
    expect((await look('203.0.113.1')).status).toBe(429);
    expect((await look('203.0.113.2')).status).toBe(404);
  });

  test('the setting reads off, a hop count, addresses or true', () => {
    expect(['', 'off', 'false', '0', undefined].map(trustProxyFrom)).toEqual([false, false, false, false, false]);
    expect(['1', '2', 'true', 'loopback, 10.0.0.0/8'].map(trustProxyFrom)).toEqual([1, 2, true, 'loopback, 10.0.0.0/8']);
  });
});
