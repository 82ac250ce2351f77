import type { Clock } from '../clock/index.js';
import { isVirtual } from '../clock/index.js';
import type { EngineStore } from '../store/types.js';
import type { ClaimedEffect } from '../store/claims.js';
import type { EffectDispatcher } from './effect-dispatcher.js';
import type { Work } from './work.js';

/**
 * When effects left in the outbox count as orphaned. A fresh commit's effects belong to the
 * process that committed them, which carries them out at once and marks them done: nobody
 * else touches them for `graceMs`. After that, a process sweeping claims them for `leaseMs`
 * (in one statement, so one process at a time has them); a claim whose owner died runs out
 * and the effects are claimed again. Times are on the engine's clock.
 */
export interface OutboxTiming {
  graceMs: number;
  leaseMs: number;
  /** How often a running engine sweeps (0: only when it opens). */
  sweepEveryMs: number;
}

export const DEFAULT_OUTBOX_TIMING: OutboxTiming = { graceMs: 60_000, leaseMs: 2 * 60_000, sweepEveryMs: 15_000 };

/**
 * An engine's outbox timing: the defaults, then what its options say. On a virtual clock it
 * sweeps only when it opens unless told otherwise: time there jumps past any grace period, to
 * effects whose done marks are still on their way. Pure.
 */
export function outboxTiming(clock: Clock, given: Partial<OutboxTiming> = {}): OutboxTiming {
  return { ...DEFAULT_OUTBOX_TIMING, ...(isVirtual(clock) ? { sweepEveryMs: 0 } : {}), ...given };
}

/** Effects one claim takes; a sweep claims again until a claim comes back short. */
const CLAIM_BATCH = 100;

export interface OutboxSweepParts {
  store: EngineStore;
  clock: Clock;
  work: Work;
  effects: Pick<EffectDispatcher, 'carryOutOne'>;
  /** The name claims are written under. */
  owner: string;
}

/**
 * Carries out effects that another process (or this one, before a crash) committed and never
 * marked done: at open, then every `sweepEveryMs` until stopped.
 */
export class OutboxSweep {
  private handle: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly parts: OutboxSweepParts, private readonly timing: OutboxTiming) {}

  /** Claims orphaned effects and carries them out, oldest first; returns how many it carried out. */
  async sweep(): Promise<number> {
    const { store, clock, owner } = this.parts;
    const { graceMs, leaseMs } = this.timing;
    let carried = 0;
    for (let full = true; full && !this.stopped;) {
      const now = clock.now();
      const claimed = await store.claimEffects({ owner, until: now + leaseMs, now, committedBefore: now - graceMs, limit: CLAIM_BATCH });
      for (const effect of claimed) await this.carryOut(effect);
      carried += claimed.length;
      full = claimed.length === CLAIM_BATCH;
    }
    return carried;
  }

  /** Sweeps every `sweepEveryMs` until `stop()`; each sweep is background work (`idle()` waits for it). */
  start(): void {
    if (this.timing.sweepEveryMs <= 0 || this.stopped) return;
    this.handle = setTimeout(() => this.parts.work.track(this.sweep().then(() => undefined).finally(() => this.start())), this.timing.sweepEveryMs);
    this.handle.unref?.();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.handle);
  }

  /** The instance as it is now stands in for the state after the commit, which is gone. */
  private async carryOut({ instanceId, effect }: ClaimedEffect): Promise<void> {
    const { store, effects } = this.parts;
    const loaded = await store.load(instanceId);
    if (loaded) await effects.carryOutOne(instanceId, loaded.state, effect);
    await store.effectsDone([effect.id]);
  }
}
