/**
 * `npm start`: the case server. Embedded by default (SQLite in data/, the in-process
 * scheduler), server mode with DATABASE_URL (PostgreSQL) and REDIS_URL (BullMQ workers).
 * Seeds the demo county and the sample catalog, then prints the URL and the demo logins.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { chineseDaysCalendar } from '../engine/index.js';
import { KnexStore } from '../engine/store/knex/store.js';
import { BullQueue } from '../engine/queue/bullmq.js';
import { openPlatform } from './platform.js';
import { createApp } from './server.js';
import { DEMO_PASSWORD, demoStaff, seedDemoCounty } from './seed/demo-county.js';

const log = pino({ name: 'yichuang' });
const port = Number(process.env.PORT ?? 3000);

function storeFromEnv(): KnexStore {
  if (process.env.DATABASE_URL) return new KnexStore({ url: process.env.DATABASE_URL });
  const dir = fileURLToPath(new URL('../data/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return new KnexStore({ filename: `${dir}yichuang.sqlite` });
}

async function main(): Promise<void> {
  const queue = process.env.REDIS_URL ? new BullQueue({ url: process.env.REDIS_URL }) : undefined;
  const platform = await openPlatform({ store: storeFromEnv(), calendar: chineseDaysCalendar(), queue });
  await seedDemoCounty(platform.db);
  const server = createApp({ db: platform.db, engine: platform.engine }).listen(port, () => {
    const mode = process.env.DATABASE_URL ? `server mode (PostgreSQL${queue ? ' + Redis workers: run npm run worker' : ''})` : 'embedded (SQLite in data/)';
    console.log(`\n一窗 yichuang is running, ${mode}\n  API:     http://localhost:${port}/api/v1\n  OpenAPI: http://localhost:${port}/api/v1/openapi.json\n`);
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const staff of demoStaff) console.log(`  ${staff.username.padEnd(16)} ${staff.roles.join(',').padEnd(14)} ${staff.name}`);
  });
  const stop = async () => {
    server.close();
    await platform.engine.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  log.error({ err }, 'could not start');
  process.exitCode = 1;
});
