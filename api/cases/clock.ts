import type { CaseRecord, ClockStop } from './types.js';

/**
 * The case's clock: stopped by a correction or a special procedure, resumed when it ends.
 * Each stop is kept (what, how long it was said to take, from, to) so the applicant can see
 * why the due date moved. Pure; safe to apply twice.
 */
export function stopClock(c: CaseRecord, stop: Omit<ClockStop, 'from' | 'to'>, at: number): CaseRecord {
  const stops = c.clockStops ?? [];
  const open = stops.some((s) => s.to === undefined);
  return {
    ...c,
    clockStoppedAt: c.clockStoppedAt ?? at,
    clockStops: open ? stops : [...stops, { ...stop, from: at }],
  };
}

export function resumeClock(c: CaseRecord, at: number): CaseRecord {
  const { clockStoppedAt: _stopped, ...rest } = c;
  return { ...rest, clockStops: (c.clockStops ?? []).map((s) => (s.to === undefined ? { ...s, to: at } : s)) };
}

/** A case that ends with its clock stopped (withdrawn during a correction, say) closes the stop. */
export function closeClock(c: CaseRecord, at: number): CaseRecord {
  return c.clockStoppedAt === undefined ? c : resumeClock(c, at);
}

/** Whether a step the case is in keeps the clock stopped. */
export function clockHeld(c: CaseRecord): boolean {
  return c.currentSteps.some((s) => s.stopsClock);
}
