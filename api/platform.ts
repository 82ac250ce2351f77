import type { Knex } from 'knex';
import type { Clock, EngineLogger, EngineOptions, EngineStore } from '../engine/index.js';
import { createEngine } from '../engine/index.js';
import type { Engine } from '../engine/index.js';
import type { KnexStore } from '../engine/store/knex/store.js';
import type { EngineQueue } from '../engine/queue/types.js';
import { items } from '../processes/catalog/items.js';
import { migratePlatform } from './db.js';
import { seedItems } from './catalog/seed-items.js';
import { deployShippedFiles } from './processes/shipped.js';
import { attachCaseWork } from './job-handlers.js';
import { PlatformCalendar } from './calendar/platform-calendar.js';
import { repairIntakes } from './cases/intake-repair.js';
import { repairExtensionClaims } from './cases/extension-claim-repair.js';

export interface Platform {
  db: Knex;
  engine: Engine;
  store: EngineStore;
  /** The working calendar every date of the platform is counted with (entered arrangements included). */
  calendar: PlatformCalendar;
  /** Cases a crash had left without their instances, started at this opening (api/cases/intake-repair.ts). */
  repaired: string[];
  /** Extension requests a crash had left holding their case's slot, settled at this opening (api/cases/extension-claim-repair.ts). */
  extensionsRepaired: string[];
}

/**
 * Puts the case server together on a durable store: platform tables, the engine with the
 * case server's job handlers and cases following their processes (the wiring a worker gets
 * too), the handling-mode processes deployed (those no administrator changed), the sample catalog. With a queue (server
 * mode) the handlers run in worker processes; this engine only hands jobs and timers over.
 * Not pure: it migrates, deploys and writes the catalog.
 */
export async function openPlatform(options: { store: KnexStore; clock?: Clock; queue?: EngineQueue; logger?: EngineLogger } & Pick<EngineOptions, 'historySealer' | 'historyHash'>): Promise<Platform> {
  const db = options.store.knex;
  // Both sets of tables before the engine opens (the store's schema first: the platform's tables live in it).
  await options.store.init();
  await migratePlatform(db);
  const calendar = new PlatformCalendar(db);
  await calendar.refresh();
  const engine = createEngine({
    store: options.store, clock: options.clock, calendar, queue: options.queue, logger: options.logger,
    historySealer: options.historySealer, historyHash: options.historyHash,
  });
  // Wired before the engine finishes opening: effects a crash left in the outbox are carried out then, and the cases must see them.
  attachCaseWork(engine, db);
  await engine.idle();
  await deployShippedFiles(db, engine);
  await seedItems(db, items);
  const repaired = await repairIntakes(db, engine);
  const extensionsRepaired = await repairExtensionClaims(db, engine);
  return { db, engine, store: options.store, calendar, repaired, extensionsRepaired };
}
