import { EngineError } from './errors.js';
import type { Engine } from './engine.js';
import type { Command } from './runtime/commands.js';
import type { InstanceState } from './runtime/state.js';
import { variablesAt } from './runtime/variables.js';
import type { Job, JobHandler } from './jobs.js';
import { BpmnError } from './jobs.js';
import type { PendingJob } from './store/types.js';

/**
 * Hands jobs to in-process handlers by type, or leaves them for external workers to
 * activate with a lock. A handler's outcome becomes a command: complete, throwError or fail.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(private readonly engine: Engine, handlers: Record<string, JobHandler>) {
    for (const [type, handler] of Object.entries(handlers)) this.handlers.set(type, handler);
  }

  register(type: string, handler: JobHandler): void {
    this.handlers.set(type, handler);
  }

  /** A job was created: run it here if a handler knows its type. */
  async dispatch(state: InstanceState, jobId: string): Promise<void> {
    const pending = await this.engine.store.job(jobId);
    const handler = pending && this.handlers.get(pending.type);
    if (!pending || !handler) return;
    const job = this.view(state, pending);
    let command: (key: string) => Command;
    try {
      const result = await handler(job);
      command = (key) => ({ type: 'complete', key, variables: result ?? {} });
    } catch (err) {
      command = this.onFailure(err, pending);
    }
    await this.settle(jobId, command).catch((err) => {
      if (!(err instanceof EngineError && err.code === 'JOB_NOT_FOUND')) throw err;
    });
  }

  private onFailure(err: unknown, job: PendingJob): (key: string) => Command {
    if (err instanceof BpmnError) return (key) => ({ type: 'throwError', key, code: err.code, message: err.message, variables: err.variables });
    const message = err instanceof Error ? err.message : String(err);
    return (key) => ({ type: 'fail', key, retries: job.retries - 1, message });
  }

  private view(state: InstanceState, job: PendingJob): Job {
    return {
      id: job.id, type: job.type, instanceId: job.instanceId, elementId: job.elementId,
      retries: job.retries, headers: job.headers, variables: variablesAt(state, job.key),
    };
  }

  async activate(type: string, options: { max?: number; lockMs?: number; worker?: string }): Promise<Job[]> {
    const now = this.engine.clock.now();
    const free = (await this.engine.store.jobs(type)).filter((job) => job.lockedUntil <= now && job.retries > 0);
    const jobs: Job[] = [];
    for (const job of free.slice(0, options.max ?? 10)) {
      if (!(await this.engine.store.lockJob(job.id, options.worker ?? 'worker', now + (options.lockMs ?? 300_000), now))) continue;
      const loaded = await this.engine.store.load(job.instanceId);
      if (loaded) jobs.push(this.view(loaded.state, job));
    }
    return jobs;
  }

  /** Turns a worker's answer into a command on the job's instance. */
  async settle(jobId: string, command: (key: string) => Command): Promise<void> {
    const job = await this.engine.store.job(jobId);
    if (!job) throw new EngineError('JOB_NOT_FOUND', `no pending job ${jobId} (completed, cancelled, or never created)`, { jobId });
    await this.engine.execute(job.instanceId, command(job.key)).catch((err) => {
      if (err instanceof EngineError && ['NOT_WAITING', 'ELEMENT_INSTANCE_NOT_FOUND', 'INSTANCE_ENDED'].includes(err.code)) {
        throw new EngineError('JOB_NOT_FOUND', `job ${jobId} is no longer pending`, { jobId });
      }
      throw err;
    });
  }
}
