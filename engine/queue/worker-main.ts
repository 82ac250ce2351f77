/**
 * `npm run worker`: one worker process for server mode. Any number of them may run against
 * the same database and Redis; each takes the job types it has handlers for, and timers.
 *
 *   DATABASE_URL            postgres://… (a SQLite file path also works, for one machine)
 *   REDIS_URL               redis://…
 *   --handlers <module>     or YC_JOB_HANDLERS: a module exporting `jobHandlers` (type -> handler)
 *                           and/or `attach(engine, { store })`, which wires the engine itself
 *   YC_DB_SCHEMA            PostgreSQL schema of every table (default: the connection's search_path)
 *   YC_QUEUE_PREFIX         BullMQ key prefix (default yc); api and workers must agree
 *   YC_WORKER_CONCURRENCY   deliveries at once per job type and for timers (default 4)
 *   YC_RECONCILE_EVERY_MS   how often the database is compared with Redis (default 30000)
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../engine.js';
import type { EngineLogger } from '../logger.js';
import { KnexStore } from '../store/knex/store.js';
import { BullQueue } from './bullmq.js';
import { QueueWorker } from './worker.js';
import { describeWorkerModule, loadWorkerModule } from './worker-module.js';

const log = (line: string) => console.log(`${new Date().toISOString()} worker ${process.pid}: ${line}`);

/** Failures in background work, one line each with what failed and the stack, on stderr. */
const logger: EngineLogger = {
  error: (details, message) => console.error(failureLine('error', details, message)),
  warn: (details, message) => console.error(failureLine('warn', details, message)),
};

function failureLine(level: string, details: Record<string, unknown>, message: string): string {
  const { err, ...rest } = details;
  const about = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  const cause = err instanceof Error ? `\n${err.stack ?? err.message}` : err === undefined ? '' : ` ${String(err)}`;
  return `${new Date().toISOString()} worker ${process.pid} ${level}: ${message}${about}${cause}`;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: a worker needs the shared database (DATABASE_URL) and Redis (REDIS_URL)`);
  return value;
}

function handlersFile(): string {
  const { values } = parseArgs({ options: { handlers: { type: 'string' } } });
  const file = values.handlers ?? process.env.YC_JOB_HANDLERS;
  if (!file) throw new Error('no job handlers: pass --handlers <module> or set YC_JOB_HANDLERS (a module exporting jobHandlers or attach)');
  return file;
}

/** A URL without its password, for the log. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

async function main(): Promise<void> {
  const database = required('DATABASE_URL');
  const schema = process.env.YC_DB_SCHEMA || undefined;
  const store = new KnexStore(/^postgres(ql)?:/.test(database) ? { url: database, schema } : { filename: database });
  const queue = new BullQueue({ url: required('REDIS_URL'), prefix: process.env.YC_QUEUE_PREFIX || undefined });
  const file = handlersFile();
  const plugin = await loadWorkerModule(file);
  log(`database ${shown(database)}${schema ? ` (schema ${schema})` : ''}, Redis ${shown(required('REDIS_URL'))} (prefix ${queue.prefix})`);
  const engine = createEngine({ ...plugin.engineOptions?.({ store }), store, queue, jobHandlers: plugin.jobHandlers, workerName: `worker-${process.pid}`, logger });
  await plugin.attach?.(engine, { store, redis: { url: required('REDIS_URL'), prefix: queue.prefix } });
  log(`handlers from ${describeWorkerModule(file, plugin)}`);
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
    log('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  const code = (err as { code?: unknown }).code;
  console.error(`worker ${process.pid} could not start: ${typeof code === 'string' ? `${code}: ` : ''}${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
