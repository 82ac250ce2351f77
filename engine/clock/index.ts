/** Where the engine reads the time. Only adapters and the engine shell read it, never the runtime. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told: for tests and for running suites with timers fast. */
export class VirtualClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 5, 1, 0, 0)) {}

  now(): number {
    return this.current;
  }

  /** Moves the clock to `instant`; it never goes back. */
  set(instant: number): void {
    if (instant > this.current) this.current = instant;
  }
}

export function isVirtual(clock: Clock): clock is VirtualClock {
  return clock instanceof VirtualClock;
}
