/**
 * `npm run bench -- --only inbox`: the inbox of a township clerk while the township holds
 * 100,000 open cases (issue 12's target: p95 under 100 ms), on SQLite (a file, as the
 * embedded default keeps it) and on PostgreSQL (DATABASE_URL). The cases come from the bulk
 * seeder, owned in turn by twenty clerks of the township; one clerk asks for the first page
 * of 待办 (sorted by time left, with its total) again and again over HTTP.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { KnexStore } from '../engine/store/knex/store.js';
import { openPlatform } from '../api/platform.js';
import { createApp } from '../api/server.js';
import { createLogger } from '../api/log.js';
import { DEMO_PASSWORD, seedDemoCounty } from '../api/seed/demo-county.js';
import { seedOpenCases, settleSeeded } from './seed-open-cases.js';
import { percentile } from './api/latency.js';

export const BIRTH = { code: '000172001001', provided: ['出生医学证明', '父母双方居民户口簿', '父母双方居民身份证'] };
const TOWNSHIP = '330324-ob';
const REQUESTS = 200;

/** Twenty window clerks of the 瓯北 township (the demo's two and eighteen more, same password): the owners of the seeded cases. */
export async function townshipClerks(db: Knex): Promise<string[]> {
  const row = await db('yc_staff').where({ id: 's-ob-clerk-a' }).first();
  const more = Array.from({ length: 18 }, (_, i) => ({ ...row, id: `s-bench-clerk-${i + 1}`, username: `bench.clerk.${i + 1}`, name: `窗口 ${i + 1}`, backup_for: null, absent: false }));
  await db('yc_staff').insert(more).onConflict('id').ignore();
  return ['s-ob-clerk-a', 's-ob-clerk-b', ...more.map((s) => s.id as string)];
}

/** A store for a bench run: SQLite in a fresh file, or its own PostgreSQL schema, dropped at close. */
export function benchStore(kind: 'sqlite' | 'postgres', databaseUrl: string | undefined, label: string): { store: KnexStore; filename?: string; cleanup: () => void } {
  if (kind === 'postgres') return { store: new KnexStore({ url: databaseUrl, schema: `bench_${label}_${process.pid}`, dropSchemaOnClose: true }), cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), `yc-bench-${label}-`));
  const filename = join(dir, 'yichuang.sqlite');
  return { store: new KnexStore({ filename }), filename, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  return ((await res.json()) as { token: string }).token;
}

/** Seeds `count` open cases and times the clerk's inbox; the p95 in ms, and what the clerk saw. */
export async function inboxP95(kind: 'sqlite' | 'postgres', count: number, databaseUrl: string | undefined, say: (line: string) => void): Promise<{ p95: number; total: number }> {
  const { store, cleanup } = benchStore(kind, databaseUrl, 'inbox');
  try {
    const { db, engine } = await openPlatform({ store });
    await seedDemoCounty(db);
    const owners = await townshipClerks(db);
    const started = Date.now();
    await seedOpenCases(db, engine, { count, clerkId: 's-ob-clerk-a', owners, itemCode: BIRTH.code, provided: BIRTH.provided });
    say(`  ${kind}: ${count} open cases in ${TOWNSHIP} seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await settleSeeded(db);
    // Its 220 request lines would bury the bench's report: warnings and failures only.
    const logger = createLogger({ level: 'warn' });
    const server: Server = await new Promise((resolve) => { const s = createApp({ db, engine, logger }).listen(0, '127.0.0.1', () => resolve(s)); });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const token = await login(url, 'ob.clerk.a');
      const ask = async () => {
        const t0 = performance.now();
        const res = await fetch(`${url}/api/v1/inbox`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { total: number };
        if (res.status !== 200) throw new Error(`inbox answered ${res.status}: ${JSON.stringify(body)}`);
        return { ms: performance.now() - t0, total: body.total };
      };
      for (let i = 0; i < 20; i++) await ask();
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < REQUESTS; i++) ({ total } = await ask().then((r) => { times.push(r.ms); return r; }));
      return { p95: percentile(times, 95), total };
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await engine.close();
    }
  } finally {
    cleanup();
  }
}

/** The part as `npm run bench` runs it: both databases (PostgreSQL when DATABASE_URL is set), one line each. */
export async function runInboxBench(count: number, databaseUrl: string | undefined): Promise<string[]> {
  const lines: string[] = [];
  const say = (line: string) => console.log(line);
  say(`inbox: GET /api/v1/inbox for a clerk of a township holding ${count} open cases, ${REQUESTS} requests after 20 to warm up`);
  for (const kind of ['postgres', 'sqlite'] as const) {
    if (kind === 'postgres' && !databaseUrl) {
      lines.push('p95 inbox-100k-postgres: skipped (DATABASE_URL is not set)');
      continue;
    }
    const { p95, total } = await inboxP95(kind, count, databaseUrl, say);
    say(`  ${kind}: the clerk's 待办 holds ${total}; p95 ${p95.toFixed(1)} ms`);
    lines.push(`p95 inbox-${count >= 100_000 ? '100k' : count}-${kind}: ${p95.toFixed(1)} ms`);
  }
  for (const line of lines) console.log(line);
  return lines;
}
