import type { ProcessDef } from '../model/graph.js';
import type { WorkingCalendar } from '../calendar/types.js';
import type { TimeZone } from '../calendar/time-zone.js';

/**
 * Everything a step may know about the world, handed in by the caller: the time, the
 * compiled process, the time zone and the working-day calendar. Nothing else reaches the runtime.
 */
export interface StepContext {
  /** The current instant (epoch ms); the only clock the runtime reads. */
  now: number;
  definition: ProcessDef;
  /** The engine's zone: dates without an offset, durations' days and FEEL's today() are read on its wall clock. */
  zone: TimeZone;
  calendar?: WorkingCalendar;
}
