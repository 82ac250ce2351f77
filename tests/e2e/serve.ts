/**
 * The server the browser tests use: the real case server (api/server.ts) with the built pages,
 * on SQLite in a temporary folder, the demo county seeded, on a free port of 127.0.0.1. The
 * clock stands at Monday 2 March 2026, 09:00 in China, so the dates the pages show are known.
 * Prints `YC_E2E_URL=<url>` once it listens; SIGTERM stops it and removes the folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { VirtualClock } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import { openPlatform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import { seedDemoCounty } from '../../api/seed/demo-county.js';
import { ensureWebBuilt } from '../../web/build/ensure-built.js';
import { DEFAULT_SECURITY } from '../../api/security/settings.js';

/** 2026-03-02 09:00 in China (a Monday). */
const E2E_NOW = Date.parse('2026-03-02T09:00:00+08:00');

const folder = mkdtempSync(join(tmpdir(), 'yichuang-e2e-'));
const { dir: pages } = await ensureWebBuilt((line) => console.log(line));
const store = new KnexStore({ filename: join(folder, 'yichuang.sqlite') });
const { engine, db } = await openPlatform({ store, clock: new VirtualClock(E2E_NOW) });
await seedDemoCounty(db);
// The browser tests sign the same demo people in again and again, in pages and in API calls beside them: the cap of
// five sessions a person would end the sessions a test still uses (the cap itself: tests/api/sessions.test.ts).
const security = { ...DEFAULT_SECURITY, sessionsPerPerson: 1000 };
const server = createApp({ db, engine, pages, security }).listen(0, '127.0.0.1', () => {
  console.log(`YC_E2E_URL=http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

async function stop(): Promise<void> {
  server.close();
  await engine.close();
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
