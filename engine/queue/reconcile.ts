import type { EngineStore } from '../store/types.js';
import type { EngineQueue } from './types.js';

/** How far ahead the reconciler looks for timers; later ones are refilled by a later round. */
export const RECONCILE_HORIZON_MS = 24 * 3_600_000;

export interface ReconcileResult {
  /** Deliveries the queue lacked and now has. */
  jobs: number;
  timers: number;
}

/**
 * Compares the database (the truth) with the queue and enqueues what the queue lacks: the
 * pending jobs of `types` that nobody holds (free, waiting out a backoff, or whose worker's
 * lock ran out) and the timers due within the horizon. Deliveries have deterministic ids, so
 * running it again, or in several workers at once, adds nothing twice.
 */
export async function reconcile(store: EngineStore, queue: EngineQueue, options: { types: readonly string[]; now: number; horizonMs?: number }): Promise<ReconcileResult> {
  const { now } = options;
  const result: ReconcileResult = { jobs: 0, timers: 0 };
  for (const type of options.types) {
    for (const job of await store.jobs(type)) {
      const held = job.worker !== undefined && job.lockedUntil > now;
      if (job.retries <= 0 || held) continue;
      if (await queue.enqueueJob({ id: job.id, type, availableAt: job.lockedUntil }, now)) result.jobs++;
    }
  }
  for (const timer of await store.dueTimers(now + (options.horizonMs ?? RECONCILE_HORIZON_MS))) {
    if (await queue.enqueueTimer(timer, now)) result.timers++;
  }
  return result;
}
