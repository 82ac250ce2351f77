import { afterEach } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine, MemoryStore, VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import type { Engine, EngineOptions, EngineStore } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { definitions, end, process as bpmnProcess, seq, start } from '../support/bpmn.js';
import { MONDAY_9AM } from '../support/harness.js';

export { MONDAY_9AM };

/** A unique name per test run, for PostgreSQL schemas and BullMQ prefixes, so parallel test files never meet. */
export function uniqueName(kind: string): string {
  return `${kind}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
}

/** Every store the engine runs on here: memory and SQLite always, PostgreSQL when DATABASE_URL is set. */
export function stores(): Array<[string, () => EngineStore]> {
  const all: Array<[string, () => EngineStore]> = [['memory', () => new MemoryStore()], ['SQLite', () => new KnexStore({})]];
  if (process.env.DATABASE_URL) {
    all.push(['PostgreSQL', () => new KnexStore({ url: process.env.DATABASE_URL, schema: uniqueName('q'), dropSchemaOnClose: true })]);
  }
  return all;
}

const open: Engine[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((engine) => engine.close()));
});

/** An embedded engine on `store` with a virtual clock, closed after the test. */
export function embedded(store: EngineStore, options: EngineOptions = {}): { engine: Engine; clock: VirtualClock } {
  const clock = new VirtualClock(MONDAY_9AM);
  let n = 0;
  const engine = createEngine({ clock, calendar: weekdayCalendar(), newId: () => `i${++n}`, store, ...options });
  open.push(engine);
  return { engine, clock };
}

/** start -> a service task of `type` with `retries` -> end. */
export function oneJob(type: string, retries = 3): string {
  const task = `<bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="${retries}"/></bpmn:extensionElements></bpmn:serviceTask>`;
  return definitions(bpmnProcess('one-job', start(), task, end(), seq('start', 'work', 'end')));
}

/**
 * Durable stores that can be opened again on the same data, as after a restart: a SQLite
 * file, and a PostgreSQL schema when DATABASE_URL is set. `reopen(last)` drops it when closed.
 */
export function durableStores(): Array<[string, () => { reopen: (last: boolean) => EngineStore; cleanup: () => void }]> {
  const sqlite = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-queue-'));
    return { reopen: () => new KnexStore({ filename: path.join(dir, 'cases.sqlite') }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  };
  const postgres = () => {
    const schema = uniqueName('restart');
    return { reopen: (last: boolean) => new KnexStore({ url: process.env.DATABASE_URL, schema, dropSchemaOnClose: last }), cleanup: () => undefined };
  };
  return process.env.DATABASE_URL ? [['SQLite', sqlite], ['PostgreSQL', postgres]] : [['SQLite', sqlite]];
}
