import { afterEach } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, MemoryStore, VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import type { Engine, EngineOptions, EngineStore } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';

let databases = 0;

/**
 * One database that several engines open, as the api and its workers (or a restarted
 * process) do: on the suite's store (TEST_STORE). Memory: one store the engines share;
 * SQLite: a file of its own; PostgreSQL: a schema of its own. `concurrent`: engines may
 * write at once (not SQLite in one process: a connection waiting for another's
 * transaction blocks the thread the other needs to finish it).
 */
export class SharedDatabase {
  readonly kind = process.env.TEST_STORE ?? 'memory';
  readonly concurrent = this.kind !== 'sqlite';
  private readonly name = `yc_shared_${process.pid}_${++databases}_${Math.random().toString(36).slice(2, 8)}`;
  private readonly memory = new MemoryStore();
  private readonly engines: Engine[] = [];

  store(): EngineStore {
    if (this.kind === 'sqlite') return new KnexStore({ filename: join(tmpdir(), `${this.name}.sqlite`) });
    if (this.kind === 'postgres') return new KnexStore({ url: process.env.DATABASE_URL, schema: this.name });
    return this.memory;
  }

  /** An engine on this database with its own virtual clock at `at` and instance ids starting with `name`. */
  engine(name: string, at: number, options: EngineOptions = {}): { engine: Engine; clock: VirtualClock } {
    const clock = new VirtualClock(at);
    let n = 0;
    const engine = createEngine({ store: this.store(), clock, calendar: weekdayCalendar(), newId: () => `${name}-${++n}`, ...options });
    this.engines.push(engine);
    return { engine, clock };
  }

  /** Closes the engines still open, then removes the database. */
  async drop(): Promise<void> {
    for (const engine of this.engines.splice(0)) await engine.close().catch(() => undefined);
    if (this.kind === 'sqlite') {
      for (const suffix of ['', '-wal', '-shm']) await rm(join(tmpdir(), `${this.name}.sqlite${suffix}`), { force: true });
    }
    if (this.kind === 'postgres') await new KnexStore({ url: process.env.DATABASE_URL, schema: this.name, dropSchemaOnClose: true }).close();
  }
}

/** For a test file: `fresh()` opens a new database, dropped after the test that opened it. */
export function databasePerTest(): { fresh: () => SharedDatabase } {
  const opened: SharedDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.drop();
  });
  return { fresh: () => opened[opened.push(new SharedDatabase()) - 1]! };
}
