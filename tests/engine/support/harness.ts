import { createEngine, VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import type { Engine, EngineOptions, WorkingCalendar } from '../../../engine/index.js';

/** Monday 2026-03-02 09:00 in Shanghai: a plain working week, far from any holiday. */
export const MONDAY_9AM = Date.UTC(2026, 2, 2, 1, 0, 0);

export interface TestEngine {
  engine: Engine;
  clock: VirtualClock;
}

/** A real engine on the memory store with a virtual clock and predictable instance ids. */
export function testEngine(options: EngineOptions & { calendar?: WorkingCalendar; at?: number } = {}): TestEngine {
  const clock = new VirtualClock(options.at ?? MONDAY_9AM);
  let n = 0;
  const engine = createEngine({ clock, calendar: weekdayCalendar(), newId: () => `i${++n}`, ...options });
  return { engine, clock };
}

/** Element ids of an instance's active items, sorted, for compact assertions. */
export async function activeElements(engine: Engine, instanceId: string): Promise<string[]> {
  const view = await engine.instance(instanceId);
  return (view?.active ?? []).map((a) => a.elementId).sort();
}
