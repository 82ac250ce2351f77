/**
 * One case-server process for the load bench: the app `npm start` serves, without the pages,
 * on the store the environment names (DATABASE_URL and YC_DB_SCHEMA, else the SQLite file
 * YC_BENCH_SQLITE), with BullMQ when REDIS_URL is set (then a worker does jobs and timers).
 * Prints "ready" once it listens on PORT.
 */
import { KnexStore } from '../../engine/store/knex/store.js';
import { BullQueue } from '../../engine/queue/bullmq.js';
import { openPlatform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import '../../api/zod-locale.js';

const store = process.env.DATABASE_URL
  ? new KnexStore({ url: process.env.DATABASE_URL, schema: process.env.YC_DB_SCHEMA || undefined })
  : new KnexStore({ filename: process.env.YC_BENCH_SQLITE });
const queue = process.env.REDIS_URL ? new BullQueue({ url: process.env.REDIS_URL, prefix: process.env.YC_QUEUE_PREFIX || undefined }) : undefined;
const platform = await openPlatform({ store, queue });
createApp({ db: platform.db, engine: platform.engine }).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
// A plain exit on SIGTERM, so that a profile asked for with NODE_OPTIONS=--cpu-prof is written.
process.on('SIGTERM', () => process.exit(0));
// A plain exit on SIGTERM, so that a profile asked for with YC_BENCH_CPU_PROF is written.
process.on('SIGTERM', () => process.exit(0));
