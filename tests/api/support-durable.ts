import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { VirtualClock } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import type { KnexStoreOptions } from '../../engine/store/knex/connect.js';
import { openPlatform } from '../../api/platform.js';
import type { Platform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import { seedDemoCounty } from '../../api/seed/demo-county.js';
import { httpClient } from './support.js';
import { createLogger } from '../../api/log.js';
import type { TestServer } from './support.js';

let schemas = 0;

/**
 * A database that outlives one platform, so a test can stop the server (as a crash would)
 * and start it again on the same data: a SQLite file in a temporary folder, or a PostgreSQL
 * schema of its own under TEST_STORE=postgres (`options`, for another process). `drop()` removes it.
 */
export function durableDatabase(): { store: () => KnexStore; options: KnexStoreOptions; drop: () => Promise<void>; file?: string } {
  if (process.env.TEST_STORE === 'postgres') {
    const schema = `durable_${process.pid}_${++schemas}_${Date.now()}`;
    return {
      options: { url: process.env.DATABASE_URL, schema },
      store: () => new KnexStore({ url: process.env.DATABASE_URL, schema }),
      drop: async () => {
        const store = new KnexStore({ url: process.env.DATABASE_URL, schema, dropSchemaOnClose: true });
        await store.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'yc-durable-'));
  const file = join(dir, 'yichuang.sqlite');
  return { file, options: { filename: file }, store: () => new KnexStore({ filename: file }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export interface BootedServer extends Pick<TestServer, 'call' | 'login' | 'url'> {
  platform: Platform;
  /** Stops the server and its engine, as a process that ends would. */
  stop: () => Promise<void>;
}

/** The platform and its HTTP server on a durable store (the demo county seeded on the first boot). */
export async function boot(store: KnexStore, clock: VirtualClock): Promise<BootedServer> {
  const platform = await openPlatform({ store, clock });
  await seedDemoCounty(store.knex);
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ db: store.knex, engine: platform.engine, logger: createLogger({ level: 'silent' }) }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async () => {
    await new Promise((resolve) => server.close(resolve));
    await platform.engine.close();
  };
  return { platform, url, stop, ...httpClient(url) };
}
