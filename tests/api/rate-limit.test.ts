import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { VirtualClock } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import { openPlatform } from '../../api/platform.js';
import type { Platform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import { memoryHits } from '../../api/http/rate-limit.js';
import type { HitCounter } from '../../api/http/rate-limit.js';
import { RedisHits } from '../../api/http/redis-hits.js';
import { trustProxyFrom } from '../../api/http/trust-proxy.js';
import type { TrustProxy } from '../../api/http/trust-proxy.js';
import { uniqueName } from '../engine/queue/support.js';
import { httpClient } from './support.js';

/** Ten seconds into a minute, so the window the looks fall in ends 50 s later. */
const START = Date.parse('2026-03-02T09:00:10+08:00');
const UNKNOWN_CASE = '/track/330324-ob-20260302-9999?phone=1234';

let platform: Platform;
let now = START;
const servers: Server[] = [];
const redisCounters: RedisHits[] = [];

beforeAll(async () => {
  platform = await openPlatform({ store: new KnexStore({}), clock: new VirtualClock(START) });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all(redisCounters.splice(0).map(async (counter) => { await counter.forget(); await counter.close(); }));
  now = START;
});
afterAll(async () => {
  await platform.engine.close();
});

/** One api process's public tracking page, counting looks in `counter`; returns a look from an address (X-Forwarded-For). */
async function apiProcess(counter: HitCounter, trustProxy: TrustProxy = false) {
  const server = await new Promise<Server>((resolve) => {
    const s = createApp({ db: platform.db, engine: platform.engine, now: () => now, trackingHits: counter, trustProxy }).listen(0, '127.0.0.1', () => resolve(s));
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

const redisPrefix = () => uniqueName('rl');
const sharedCounter = (prefix: string) => {
  const counter = new RedisHits({ url: process.env.REDIS_URL!, prefix, name: 'track' });
  redisCounters.push(counter);
  return counter;
};

const kinds: Array<[string, () => HitCounter]> = [['in this process (embedded)', memoryHits]];
if (process.env.REDIS_URL) kinds.push(['shared in Redis (server mode)', () => sharedCounter(redisPrefix())]);

describe.each(kinds)('the public tracking page, its looks counted %s', (_kind, counter) => {
  test('the 31st look in a minute from one address gets 429 with the Chinese message saying when to try again, and the next minute it gets through', async () => {
    const look = await apiProcess(counter());
    expect(await statuses(look, 30)).toEqual(Array(30).fill(404));
    expect(await look()).toEqual({ status: 429, body: { error: { code: 'RATE_LIMITED', message: '查询过于频繁，请 50 秒后再试', fields: [] } } });
    now = START + 49_500;
    expect((await look()).body.error.message).toBe('查询过于频繁，请 1 秒后再试');
    now = START + 50_000;
    expect((await look()).status).toBe(404);
  });
});

const describeRedis: typeof describe.skip = process.env.REDIS_URL ? describe : describe.skip;
const redisTitle = (title: string) => (process.env.REDIS_URL ? title : `${title} (skipped: set REDIS_URL to run against real Redis)`);

describeRedis(redisTitle('the shared limit with several api processes'), () => {
  test('two api processes count into one limit: 20 looks at one and 10 at the other leave the next look at either refused', async () => {
    const prefix = redisPrefix();
    const [first, second] = [await apiProcess(sharedCounter(prefix)), await apiProcess(sharedCounter(prefix))];
    expect([...await statuses(first, 20), ...await statuses(second, 10)]).toEqual(Array(30).fill(404));
    expect((await second()).status).toBe(429);
    expect((await first()).status).toBe(429);
  });
});

describe('the client address behind a reverse proxy (YC_TRUST_PROXY)', () => {
  test('off by default: X-Forwarded-For is ignored, so 31 looks claiming 31 addresses are still one client', async () => {
    const look = await apiProcess(memoryHits(), trustProxyFrom(undefined));
    expect(await statuses(look, 30, (i) => `203.0.113.${i}`)).toEqual(Array(30).fill(404));
    expect((await look('198.51.100.7')).status).toBe(429);
  });

  test('set to the proxy\'s address, X-Forwarded-For names the client: each forwarded address has its own limit', async () => {
    const look = await apiProcess(memoryHits(), trustProxyFrom('loopback'));
    expect(await statuses(look, 30, () => '203.0.113.1')).toEqual(Array(30).fill(404));
    expect((await look('203.0.113.1')).status).toBe(429);
    expect((await look('203.0.113.2')).status).toBe(404);
  });

  test('the setting reads off, a hop count, addresses or true', () => {
    expect(['', 'off', 'false', '0', undefined].map(trustProxyFrom)).toEqual([false, false, false, false, false]);
    expect(['1', '2', 'true', 'loopback, 10.0.0.0/8'].map(trustProxyFrom)).toEqual([1, 2, true, 'loopback, 10.0.0.0/8']);
  });
});
