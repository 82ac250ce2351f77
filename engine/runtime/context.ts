import type { ProcessDef } from '../model/graph.js';
import type { WorkingCalendar } from '../calendar/types.js';

/**
 * Everything a step may know about the world, handed in by the caller: the time, the
 * compiled process and the working-day calendar. Nothing else reaches the runtime.
 */
export interface StepContext {
  /** The current instant (epoch ms); the only clock the runtime reads. */
  now: number;
  definition: ProcessDef;
  calendar?: WorkingCalendar;
}
