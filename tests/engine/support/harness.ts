import { afterEach } from '@jest/globals';
import { createEngine, MemoryStore, VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import type { Engine, EngineOptions, EngineStore, WorkingCalendar } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';

/** Monday 2026-03-02 09:00 in Shanghai: a plain working week, far from any holiday. */
export const MONDAY_9AM = Date.UTC(2026, 2, 2, 1, 0, 0);

export interface TestEngine {
  engine: Engine;
  clock: VirtualClock;
}

const open: Engine[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((engine) => engine.close()));
});

let schemas = 0;

/** The store the suite runs on: TEST_STORE=memory (default), sqlite, or postgres (DATABASE_URL). */
export function testStore(): EngineStore {
  const kind = process.env.TEST_STORE ?? 'memory';
  if (kind === 'sqlite') return new KnexStore({});
  if (kind === 'postgres') {
    const schema = `t_${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
    return new KnexStore({ url: process.env.DATABASE_URL, schema, dropSchemaOnClose: true });
  }
  return new MemoryStore();
}

/** A real engine with a virtual clock and predictable instance ids, on the suite's store. */
export function testEngine(options: EngineOptions & { calendar?: WorkingCalendar; at?: number } = {}): TestEngine {
  const clock = new VirtualClock(options.at ?? MONDAY_9AM);
  let n = 0;
  const engine = createEngine({ clock, calendar: weekdayCalendar(), newId: () => `i${++n}`, store: testStore(), ...options });
  open.push(engine);
  return { engine, clock };
}

/** Element ids of an instance's active items, sorted, for compact assertions. */
export async function activeElements(engine: Engine, instanceId: string): Promise<string[]> {
  const view = await engine.instance(instanceId);
  return (view?.active ?? []).map((a) => a.elementId).sort();
}
