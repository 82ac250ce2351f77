import { readFile } from 'node:fs/promises';
import type { Knex } from 'knex';
import type { Clock, EngineStore, WorkingCalendar } from '../engine/index.js';
import { createEngine } from '../engine/index.js';
import type { Engine } from '../engine/index.js';
import type { KnexStore } from '../engine/store/knex/store.js';
import type { EngineQueue } from '../engine/queue/types.js';
import { processFiles, processFileUrl } from '../processes/index.js';
import { items } from '../processes/catalog/items.js';
import { migratePlatform } from './db.js';
import { saveItems } from './catalog/catalog.js';
import { caseJobHandlers } from './cases/jobs.js';
import { followCases } from './cases/follow.js';

export interface Platform {
  db: Knex;
  engine: Engine;
  store: EngineStore;
}

/**
 * Puts the case server together on a durable store: platform tables, the engine with the
 * case server's job handlers, every handling-mode process deployed, the sample catalog,
 * and cases following their processes.
 */
export async function openPlatform(options: { store: KnexStore; clock?: Clock; calendar: WorkingCalendar; queue?: EngineQueue }): Promise<Platform> {
  const engine = createEngine({ store: options.store, clock: options.clock, calendar: options.calendar, queue: options.queue });
  await engine.idle();
  const db = options.store.knex;
  await migratePlatform(db);
  for (const [type, handler] of Object.entries(caseJobHandlers({ db, clock: engine.clock, calendar: options.calendar }))) engine.registerJobHandler(type, handler);
  for (const file of processFiles) await engine.deploy(await readFile(processFileUrl(file.file), 'utf8'), { name: `processes/${file.file}` });
  await saveItems(db, items);
  followCases(db, engine);
  return { db, engine, store: options.store };
}
