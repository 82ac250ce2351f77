import type { Effect } from '../runtime/effects.js';

/**
 * The parts of the storage port that let several processes on one database share work
 * without repeating it: claims on effects left in the outbox, and holding on to a job lock.
 * Each is one compare-and-set statement.
 */

/** What a claim on pending effects asks for (times on the engine's clock, in ms). */
export interface EffectClaim {
  /** The claiming process (its worker name). */
  owner: string;
  /** The claim holds until then; after it, another process may take the effects. */
  until: number;
  now: number;
  /** Only effects committed at or before this instant: younger ones belong to the process carrying them out. */
  committedBefore: number;
  /** The most effects one claim takes. */
  limit: number;
}

export interface ClaimedEffect {
  instanceId: string;
  effect: Effect;
}

export interface ClaimStore {
  /**
   * Claims pending effects (not done, committed by `committedBefore`) that no claim holds at
   * `now`, oldest first, for `owner` until `until`. Two processes never get the same effect
   * while a claim holds. A store that dies with its process returns none.
   */
  claimEffects(claim: EffectClaim): Promise<ClaimedEffect[]>;
  /**
   * Extends a job lock only while it is still the one taken (same worker, same `heldUntil`):
   * false when it ran out and another worker has locked the job since, or the job is gone.
   */
  keepJobLock(id: string, worker: string, heldUntil: number, until: number): Promise<boolean>;
}
