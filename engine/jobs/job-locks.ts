import type { Clock } from '../clock/index.js';
import type { EngineStore, PendingJob } from '../store/types.js';

/** How long a job run holds its job unless the engine or the job type says otherwise; past that, another worker may take it. */
export const DEFAULT_JOB_LOCK_MS = 5 * 60_000;

/**
 * The locks this engine takes on jobs before their handlers run, embedded or in server mode
 * alike (another process on the same database may run jobs too), and how long they last:
 * the job type's own duration, else the engine's.
 */
export class JobLocks {
  private readonly byType = new Map<string, number>();

  constructor(private readonly parts: { store: EngineStore; clock: Clock; worker: string; lockMs: number }) {}

  setFor(type: string, lockMs: number): void {
    this.byType.set(type, lockMs);
  }

  /** How long a run or an activation of this type holds its job. */
  lockMs(type: string): number {
    return this.byType.get(type) ?? this.parts.lockMs;
  }

  /**
   * Locks a job free to run (retries left, not locked by a worker nor waiting out a backoff)
   * in one statement. Returns until when it holds it, or undefined when it is not free.
   */
  async take(job: PendingJob): Promise<number | undefined> {
    const now = this.parts.clock.now();
    if (job.retries <= 0 || job.lockedUntil > now) return undefined;
    const until = now + this.lockMs(job.type);
    return (await this.parts.store.lockJob(job.id, this.parts.worker, until, now)) ? until : undefined;
  }

  /**
   * After the handler: holds the lock a while longer, so that the outcome is committed under
   * it; false when the lock ran out and another worker has taken the job since (its run wins).
   */
  async keep(job: PendingJob, heldUntil: number): Promise<boolean> {
    return this.parts.store.keepJobLock(job.id, this.parts.worker, heldUntil, this.parts.clock.now() + this.lockMs(job.type));
  }
}
