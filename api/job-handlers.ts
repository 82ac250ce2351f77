/**
 * The case server's worker module: `npm run worker` (engine/queue/worker-main.ts --handlers
 * api/job-handlers.ts) loads it and calls `attach`, so a worker process does the case work
 * of server mode — notices, issuance, cards — and keeps cases following their processes for
 * the steps it commits. openPlatform wires the api process's engine with the same function.
 */
import './zod-locale.js';
import type { Knex } from 'knex';
import type { Engine, EngineOptions } from '../engine/index.js';
import type { WorkerContext } from '../engine/queue/worker-module.js';
import { PlatformCalendar } from './calendar/platform-calendar.js';
import { timeContextOf } from './time-limits/timed-update.js';
import { ApiError } from './http/errors.js';
import { missingPlatformMigrations } from './db.js';
import { caseJobHandlers } from './cases/jobs.js';
import { followCases } from './cases/follow.js';
import { historyOptionsFromEnv } from './history-sealing.js';
import { RedisInboxFeed, announceInboxChanges } from './inbox-events/feed.js';

/**
 * Registers the case server's job handlers on an engine over the platform's database and has
 * cases follow the effects it commits (whichever process commits a step carries out its
 * effects, so every engine needs both). Not pure: it changes the engine. Returns the unsubscriber.
 */
export function attachCaseWork(engine: Engine, db: Knex): () => void {
  const time = timeContextOf(db, engine);
  for (const [type, handler] of Object.entries(caseJobHandlers({ ...time, clock: engine.clock }))) engine.registerJobHandler(type, handler);
  return followCases(time, engine);
}

/**
 * The worker's engine counts with the platform's calendar, the arrangements entered in the
 * shared database, like the api process's. Not pure: the calendar reads the database.
 */
export function engineOptions({ store }: WorkerContext): Partial<EngineOptions> {
  const calendar = new PlatformCalendar(store.knex);
  calendar.keepFresh();
  return { calendar, ...historyOptionsFromEnv() };
}

/**
 * The worker's hook. Wires first, before the engine (opening in the background) carries out
 * effects a crash left in the outbox, so the cases see them too, and the inbox pages hear of
 * the steps it commits (a job done, a timer fired) through Redis; then refuses to run on a
 * database whose platform tables the api process has not created yet.
 */
export async function attach(engine: Engine, { store, redis }: WorkerContext): Promise<void> {
  attachCaseWork(engine, store.knex);
  if (redis) announceInboxChanges(engine, new RedisInboxFeed({ ...redis, onError: (err) => console.error(`worker ${process.pid} warn: inbox change feed (Redis): ${err.message}`) }));
  const missing = await missingPlatformMigrations(store.knex);
  if (missing.length > 0) {
    throw new ApiError(503, 'PLATFORM_NOT_MIGRATED',
      `the case server's tables are missing or out of date on this database (not run: ${missing.join(', ')}); start the api once (npm start with the same DATABASE_URL${process.env.YC_DB_SCHEMA ? ' and YC_DB_SCHEMA' : ''}): it migrates them, then start the workers`,
      missing.map((name) => ({ field: name, problem: 'migration not run' })));
  }
}
