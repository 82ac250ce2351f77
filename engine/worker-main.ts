/**
 * `npm run worker`: one worker process for server mode. Any number of them may run against
 * the same database and Redis; each takes the job types it has handlers for, and timers.
 *
 *   DATABASE_URL            postgres://… (a SQLite file path also works, for one machine)
 *   REDIS_URL               redis://…
 *   --handlers <module>     or YC_JOB_HANDLERS: a module exporting `jobHandlers` (type -> handler)
 *   YC_QUEUE_PREFIX         BullMQ key prefix (default yc); api and workers must agree
 *   YC_WORKER_CONCURRENCY   deliveries at once per job type and for timers (default 4)
 *   YC_RECONCILE_EVERY_MS   how often the database is compared with Redis (default 30000)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createEngine } from './engine.js';
import type { JobHandler } from './jobs.js';
import { KnexStore } from './store/knex/store.js';
import { BullQueue } from './queue/bullmq.js';
import { QueueWorker } from './queue/worker.js';

const log = (line: string) => console.log(`${new Date().toISOString()} worker ${process.pid}: ${line}`);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: a worker needs the shared database (DATABASE_URL) and Redis (REDIS_URL)`);
  return value;
}

async function loadHandlers(): Promise<Record<string, JobHandler>> {
  const { values } = parseArgs({ options: { handlers: { type: 'string' } } });
  const file = values.handlers ?? process.env.YC_JOB_HANDLERS;
  if (!file) throw new Error('no job handlers: pass --handlers <module> or set YC_JOB_HANDLERS (a module exporting jobHandlers)');
  const loaded = (await import(pathToFileURL(path.resolve(file)).href)) as { jobHandlers?: Record<string, JobHandler> };
  if (!loaded.jobHandlers) throw new Error(`${file} exports no jobHandlers (an object from job type to handler)`);
  return loaded.jobHandlers;
}

async function main(): Promise<void> {
  const database = required('DATABASE_URL');
  const store = new KnexStore(/^postgres(ql)?:/.test(database) ? { url: database } : { filename: database });
  const queue = new BullQueue({ url: required('REDIS_URL'), prefix: process.env.YC_QUEUE_PREFIX });
  const engine = createEngine({ store, queue, jobHandlers: await loadHandlers(), workerName: `worker-${process.pid}` });
  const worker = new QueueWorker({
    engine, queue, log,
    concurrency: Number(process.env.YC_WORKER_CONCURRENCY ?? 4),
    reconcileEveryMs: Number(process.env.YC_RECONCILE_EVERY_MS ?? 30_000),
  });
  await worker.start();
  log(`serving job types ${engine.jobTypes().join(', ') || '(none)'} and timers`);
  const stop = async () => {
    log('stopping: letting running deliveries finish');
    await worker.close();
    await engine.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
