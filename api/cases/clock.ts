import type { CaseRecord, ClockStop } from './types.js';

/**
 * The case's clock stops: special procedures (特别程序), each kept with what it was, how long
 * the applicant was told it takes, which limits it stops, from and to — so the applicant sees
 * why a date moved, and the dates can be derived again at any time (api/time-limits). Pure;
 * safe to apply twice.
 */
export function stopClock(c: CaseRecord, stop: Omit<ClockStop, 'from' | 'to'>, at: number): CaseRecord {
  const stops = c.clockStops ?? [];
  if (stops.some((s) => s.to === undefined && s.from === at)) return c;
  return { ...c, clockStoppedAt: c.clockStoppedAt ?? at, clockStops: [...stops, { ...stop, from: at }] };
}

/** Every open stop ends at `at`. Pure. */
export function resumeClock(c: CaseRecord, at: number): CaseRecord {
  const { clockStoppedAt: _stopped, ...rest } = c;
  return { ...rest, clockStops: (c.clockStops ?? []).map((s) => (s.to === undefined ? { ...s, to: at } : s)) };
}

/** A case that ends with its clock stopped (withdrawn during a special procedure, say) closes the stop. */
export function closeClock(c: CaseRecord, at: number): CaseRecord {
  return c.clockStoppedAt === undefined ? c : resumeClock(c, at);
}

/** Whether a step the case is in keeps it waiting (a correction, or a special procedure). */
export function clockHeld(c: CaseRecord): boolean {
  return c.currentSteps.some((s) => s.stopsClock);
}
