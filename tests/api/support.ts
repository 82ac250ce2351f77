import { afterEach } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { VirtualClock } from '../../engine/index.js';
import type { Engine } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import { createApp } from '../../api/server.js';
import { openPlatform } from '../../api/platform.js';
import { DEMO_PASSWORD, seedDemoCounty } from '../../api/seed/demo-county.js';
import type { FormRegistry } from '../../api/forms/registry.js';
import { securitySettings } from '../../api/security/settings.js';
import type { SecuritySettings } from '../../api/security/settings.js';
import type { LimiterStore } from '../../api/security/limiters.js';
import type { Logger } from 'pino';

// Request lines would drown the test output; failures (5xx) still show. A test that reads the log passes its own logger.
process.env.YC_LOG_LEVEL ??= 'error';

export interface TestServer {
  url: string;
  engine: Engine;
  clock: VirtualClock;
  store: KnexStore;
  call: (method: string, path: string, options?: CallOptions) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  login: (username: string) => Promise<string>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: string;
  /** A file body, sent as is with `contentType`. */
  bytes?: Uint8Array;
  contentType?: string;
  /** More request headers (X-Forwarded-For, say). */
  headers?: Record<string, string>;
}

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

let schemas = 0;

/**
 * The scenario tests move the virtual clock hours or days between one clerk's steps and sign in
 * again only when a day has passed, as the ten-hour session would require; and they sign one demo
 * person in many times (the access matrix: once per prober). So their sessions neither idle out
 * nor hit the cap per person; both have their own tests (sessions.test.ts) with the default settings.
 */
const SCENARIO_SECURITY = securitySettings({ sessionIdleMinutes: 10 * 60, sessionsPerPerson: 1000 });

/**
 * The real server on a real database: SQLite in memory, or its own PostgreSQL schema under
 * TEST_STORE=postgres; with the platform's forms unless `options.forms` gives others; the demo county
 * seeded unless `options.demo` is false.
 */
export async function startServer(at = Date.UTC(2026, 2, 2, 1, 0, 0), options: { forms?: FormRegistry; security?: SecuritySettings; limiters?: LimiterStore; demo?: boolean; logger?: Logger } = {}): Promise<TestServer> {
  const store = process.env.TEST_STORE === 'postgres'
    ? new KnexStore({ url: process.env.DATABASE_URL, schema: `api_${process.pid}_${++schemas}_${Date.now()}`, dropSchemaOnClose: true })
    : new KnexStore({});
  const clock = new VirtualClock(at);
  const { engine } = await openPlatform({ store, clock });
  // The platform seeds nothing itself (server mode starts empty but for its first administrator): the tests ask for the demo county.
  if (options.demo !== false) await seedDemoCounty(store.knex);
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ db: store.knex, engine, forms: options.forms, security: options.security ?? SCENARIO_SECURITY, limiters: options.limiters, logger: options.logger }).listen(0, '127.0.0.1', () => resolve(s));
  });
  open.push(async () => {
    await new Promise((resolve) => server.close(resolve));
    await engine.close();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, engine, clock, store, ...httpClient(url) };
}

/** Calls to a running case server at `url` (its API under /api/v1), and logging in as a demo person. */
export function httpClient(url: string): Pick<TestServer, 'call' | 'login'> {
  const call: TestServer['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const body = options.bytes ?? options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await fetch(`${url}/api/v1${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text || undefined };
  };
  const login = async (username: string) => {
    const res = await call('POST', '/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };
  return { call, login };
}
