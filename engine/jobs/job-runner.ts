import { EngineError } from '../errors.js';
import type { Clock } from '../clock/index.js';
import type { Command } from '../runtime/commands.js';
import type { InstanceState } from '../runtime/state.js';
import { variablesAt } from '../runtime/variables.js';
import type { Job, JobHandler } from './jobs.js';
import { BpmnError } from './jobs.js';
import type { EngineStore, PendingJob } from '../store/types.js';
import { canonicalItemId } from '../store/projections.js';
import type { JobLocks } from './job-locks.js';
import type { EngineLogger } from '../logger.js';

/** The longest wait between a handler's failure and its retry. */
const MAX_BACKOFF_MS = 10 * 60_000;

/** The default wait before a failed handler's job runs again: 1 s, 2 s, 4 s … at most 10 minutes. Pure. */
export function exponentialBackoff(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(failures, 20));
}

/** What became of one hand-out: the handler's outcome, or why it did not run (not ours, taken, done already). */
export type RunOutcome = 'completed' | 'failed' | 'errored' | 'skipped' | 'stale';

export interface JobRunnerOptions {
  /** Wait before a retry, from the job's failures so far (0 for the first). */
  backoff: (failures: number) => number;
  /** The locks runs take, and how long activations hold their jobs. */
  locks: JobLocks;
  /** Told of each failed run (the job is retried, or raises an incident when out of retries). */
  logger: EngineLogger;
}

/** What the runner reads and calls: the store's jobs, the engine's clock, and the facade's write path (passed in, so the runner stands below the facade). */
export interface JobRunnerHost {
  store: EngineStore;
  clock: Clock;
  /** Commits a command on an instance and carries out its effects. */
  execute: (instanceId: string, command: Command) => Promise<unknown>;
}

/** A handler, or a handler with how long its runs hold their job. */
export type JobHandlerEntry = JobHandler | { handler: JobHandler; lockMs?: number };

/**
 * Hands jobs to in-process handlers by type, or leaves them for external workers to
 * activate with a lock. A handler's outcome becomes a command: complete, throwError or fail
 * (with a backoff that grows with the job's failures).
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  /** Jobs running in this process: a second hand-out of one of them (a redelivery, a restart's replay) is skipped. */
  private readonly running = new Set<string>();

  constructor(private readonly host: JobRunnerHost, handlers: Record<string, JobHandlerEntry>, private readonly options: JobRunnerOptions) {
    for (const [type, entry] of Object.entries(handlers)) {
      if (typeof entry === 'function') this.register(type, entry);
      else this.register(type, entry.handler, entry);
    }
  }

  /** `lockMs`: how long a run of this type holds its job (default: the engine's `jobLockMs`). */
  register(type: string, handler: JobHandler, options: { lockMs?: number } = {}): void {
    this.handlers.set(type, handler);
    if (options.lockMs !== undefined) this.options.locks.setFor(type, options.lockMs);
  }

  handles(type: string): boolean {
    return this.handlers.has(type);
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Runs a pending job here if a handler knows its type and nobody holds it. `state` is the
   * instance as the job was created (saves a read); without it the instance is loaded.
   */
  async run(jobId: string, state?: InstanceState): Promise<RunOutcome> {
    if (this.running.has(jobId)) return 'skipped';
    this.running.add(jobId);
    try {
      return await this.runOnce(jobId, state);
    } finally {
      this.running.delete(jobId);
    }
  }

  private async runOnce(jobId: string, state?: InstanceState): Promise<RunOutcome> {
    const pending = await this.host.store.job(canonicalItemId(jobId));
    const handler = pending && this.handlers.get(pending.type);
    const heldUntil = pending && handler ? await this.options.locks.take(pending) : undefined;
    if (!pending || !handler || heldUntil === undefined) return 'skipped';
    const current = state ?? (await this.host.store.load(pending.instanceId))?.state;
    if (!current) return 'skipped';
    const { command, outcome } = await this.attempt(handler, current, pending);
    if (!(await this.options.locks.keep(pending, heldUntil))) return 'stale';
    try {
      // Still pending: the lock just kept proves it (a job completed or cancelled meanwhile has no lock to keep).
      await this.commit(pending, command);
      return outcome;
    } catch (err) {
      if (err instanceof EngineError && err.code === 'JOB_NOT_FOUND') return 'stale';
      throw err;
    }
  }

  private async attempt(handler: JobHandler, state: InstanceState, job: PendingJob): Promise<{ command: (key: string) => Command; outcome: RunOutcome }> {
    try {
      const result = await handler(this.view(state, job));
      return { command: (key) => ({ type: 'complete', key, variables: result ?? {} }), outcome: 'completed' };
    } catch (err) {
      if (err instanceof BpmnError) {
        return { command: (key) => ({ type: 'throwError', key, code: err.code, message: err.message, variables: err.variables }), outcome: 'errored' };
      }
      const message = err instanceof Error ? err.message : String(err);
      const backoffMs = this.options.backoff(state.items[job.key]?.job?.failures ?? 0);
      this.options.logger.warn({ err, jobId: job.id, jobType: job.type, instanceId: job.instanceId, retriesLeft: job.retries - 1, backoffMs },
        job.retries > 1 ? 'job handler failed; the job runs again after the backoff' : 'job handler failed with no retries left; the job raises an incident');
      return { command: (key) => ({ type: 'fail', key, retries: job.retries - 1, message, backoffMs }), outcome: 'failed' };
    }
  }

  private view(state: InstanceState, job: PendingJob): Job {
    return {
      id: job.id, type: job.type, instanceId: job.instanceId, elementId: job.elementId,
      retries: job.retries, headers: job.headers, variables: variablesAt(state, job.key),
    };
  }

  async activate(type: string, options: { max?: number; lockMs?: number; worker?: string }): Promise<Job[]> {
    const now = this.host.clock.now();
    const jobs: Job[] = [];
    for (const job of await this.host.store.activatableJobs(type, now, options.max ?? 10)) {
      if (!(await this.host.store.lockJob(job.id, options.worker ?? 'worker', now + (options.lockMs ?? this.options.locks.lockMs(type)), now))) continue;
      const loaded = await this.host.store.load(job.instanceId);
      if (loaded) jobs.push(this.view(loaded.state, job));
    }
    return jobs;
  }

  /** Turns a worker's answer into a command on the job's instance. */
  async settle(jobId: string, command: (key: string) => Command): Promise<void> {
    const job = await this.host.store.job(canonicalItemId(jobId));
    if (!job) throw new EngineError('JOB_NOT_FOUND', `no pending job ${jobId} (completed, cancelled, or never created)`, { jobId });
    await this.commit(job, command);
  }

  private async commit(job: PendingJob, command: (key: string) => Command): Promise<void> {
    await this.host.execute(job.instanceId, command(job.key)).catch((err) => {
      if (err instanceof EngineError && ['NOT_WAITING', 'ELEMENT_INSTANCE_NOT_FOUND', 'INSTANCE_ENDED'].includes(err.code)) {
        throw new EngineError('JOB_NOT_FOUND', `job ${job.id} is no longer pending`, { jobId: job.id });
      }
      throw err;
    });
  }
}
