import type { Clock } from '../clock/index.js';
import type { Effect } from '../runtime/effects.js';
import type { InstanceState } from '../runtime/state.js';
import type { EngineStore } from '../store/types.js';
import { itemId, splitItemId } from '../store/projections.js';
import type { EngineQueue } from '../queue/types.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { Scheduler } from '../timers/scheduler.js';
import type { Work } from './work.js';

export interface HandOutParts {
  store: EngineStore;
  clock: Clock;
  work: Work;
  runner: JobRunner;
  scheduler: Scheduler;
  queue?: EngineQueue;
}

/**
 * Where committed jobs and timers go. Embedded (no queue): a job to the in-process runner,
 * at once or, after a failure, when its backoff ends (through the scheduler, so a virtual
 * clock moves it too); a timer to the scheduler. Server mode: both to the queue, from which
 * worker processes take them.
 */
export class HandOut {
  constructor(private readonly parts: HandOutParts) {}

  async carryOut(instanceId: string, state: InstanceState, effect: Effect): Promise<void> {
    const { queue, clock } = this.parts;
    switch (effect.type) {
      case 'job.created':
        return this.job(itemId(instanceId, effect.key), effect.jobType, effect.availableAt ?? 0, state);
      case 'timer.scheduled':
        if (queue) await queue.enqueueTimer({ instanceId, key: effect.key, wait: effect.wait, due: effect.due }, clock.now());
        else this.nudge(effect);
        return;
      case 'timer.cancelled':
        // Best effort: a delivery that comes anyway finds the wait gone and is dropped as stale.
        if (queue?.removeTimer && effect.due !== undefined) await queue.removeTimer({ instanceId, key: effect.key, wait: effect.wait, due: effect.due }).catch(() => undefined);
        return;
      default:
        return;
    }
  }

  /**
   * Whether handing an effect out only nudges this process's scheduler: a timer, embedded.
   * Every engine's scheduler reads the due timers from the store at least once a second, also
   * after a crash, so such an effect needs no outbox row to be carried out at least once.
   */
  onlyNudges(effect: Effect): boolean {
    return !this.parts.queue && (effect.type === 'timer.scheduled' || effect.type === 'timer.cancelled');
  }

  /** Tells the scheduler of a timer due soon (see onlyNudges). Not pure. */
  nudge(effect: Effect): void {
    if (effect.type === 'timer.scheduled') this.parts.scheduler.wake(effect.due);
  }

  private async job(id: string, type: string, availableAt: number, state?: InstanceState): Promise<void> {
    const { queue, runner, scheduler, work, clock } = this.parts;
    if (queue) {
      await queue.enqueueJob({ id, type, availableAt }, clock.now());
      return;
    }
    if (!runner.handles(type)) return;
    // Jobs run side by side: parallel branches' work overlaps, as it would with workers.
    const run = (at?: InstanceState) => work.track(runner.run(id, at).then(() => undefined), splitItemId(id)?.instanceId);
    if (availableAt > clock.now()) scheduler.at(`job:${id}`, availableAt, () => run());
    else run(state);
  }

  /**
   * Embedded, after a restart: every pending job a handler here knows runs again (a crash may
   * have cut its handler short), at once or when its backoff or a worker's lock ends. In
   * server mode the reconciler does this.
   */
  async recover(): Promise<void> {
    const { queue, runner, store } = this.parts;
    if (queue) return;
    for (const type of runner.types()) {
      for (const job of await store.jobs(type)) if (job.retries > 0) await this.job(job.id, type, job.lockedUntil);
    }
  }
}
