import { Queue } from 'bullmq';
import type { JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { EngineQueue, QueuedJob, QueuedTimer } from './types.js';

export interface BullQueueOptions {
  /** `redis://…` (REDIS_URL). */
  url: string;
  /** Namespace of every key this queue writes (BullMQ's prefix); tests give each their own. */
  prefix?: string;
}

/** The queue timers are delivered on; every worker process takes from it. */
export const TIMERS_QUEUE = 'yc-timers';

/** One queue per job type, so a worker takes only the types it has handlers for. */
export function jobsQueueName(type: string): string {
  return `yc-jobs-${encodeURIComponent(type)}`;
}

/** One delivery per hand-out of a job: a retry or a re-dispatch is a new hand-out with its own instant. */
export function jobDeliveryId(job: QueuedJob): string {
  return bullId(`${job.id}@${job.availableAt}`);
}

/** One delivery per arming of a timer: a cycle re-armed for its next repetition is a new delivery. */
export function timerDeliveryId(timer: QueuedTimer): string {
  return bullId(`${timer.instanceId}/${timer.key}/${timer.wait}@${timer.due}`);
}

/** BullMQ refuses custom ids with ':' (its key separator). */
function bullId(id: string): string {
  return id.replaceAll(':', '%3A');
}

/**
 * Finished deliveries are removed, so a deterministic id blocks a second copy only while one
 * is waiting, delayed or running. BullMQ's own attempts cover a worker that could not reach
 * the database; a handler's failure is the engine's business (fail, backoff, incident).
 */
const DELIVERY: JobsOptions = { removeOnComplete: true, removeOnFail: true, attempts: 5, backoff: { type: 'exponential', delay: 1_000 } };

/**
 * The queue port on BullMQ (Redis). A job goes on its type's queue, delayed until it is
 * available; a timer on the timers queue, delayed until due. Only job types some worker
 * serves are queued: a type left to external workers (activateJobs) would otherwise pile
 * up deliveries nobody takes. A worker announces its types (`serve`) when it starts and at
 * each reconciliation, which also queues what was created before.
 */
export class BullQueue implements EngineQueue {
  readonly prefix: string;
  readonly connection: { url: string };
  private readonly queues = new Map<string, Queue>();
  private readonly redis: Redis;
  /** Types known to be served; a type not served yet is asked about again each time. */
  private readonly served = new Set<string>();

  constructor(options: BullQueueOptions) {
    this.prefix = options.prefix ?? 'yc';
    this.connection = { url: options.url };
    this.redis = new Redis(options.url, { maxRetriesPerRequest: null });
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueueJob(job: QueuedJob, now: number): Promise<boolean> {
    if (!(await this.isServed(job.type))) return false;
    return this.add(this.queue(jobsQueueName(job.type)), 'job', { jobId: job.id }, jobDeliveryId(job), job.availableAt - now);
  }

  async enqueueTimer(timer: QueuedTimer, now: number): Promise<boolean> {
    const data = { instanceId: timer.instanceId, key: timer.key, wait: timer.wait, due: timer.due };
    return this.add(this.queue(TIMERS_QUEUE), 'timer', data, timerDeliveryId(timer), timer.due - now);
  }

  async removeTimer(timer: QueuedTimer): Promise<void> {
    await this.queue(TIMERS_QUEUE).remove(timerDeliveryId(timer));
  }

  /** The id check makes the count honest; the id itself makes a racing second add a no-op. */
  private async add(queue: Queue, name: string, data: object, jobId: string, delay: number): Promise<boolean> {
    if (await queue.getJob(jobId)) return false;
    await queue.add(name, data, { ...DELIVERY, jobId, delay: Math.max(0, delay) });
    return true;
  }

  /** Announces job types a worker has handlers for. */
  async serve(types: readonly string[]): Promise<void> {
    if (types.length > 0) await this.redis.sadd(this.servedKey(), ...types);
    for (const type of types) this.served.add(type);
  }

  private async isServed(type: string): Promise<boolean> {
    if (this.served.has(type)) return true;
    if ((await this.redis.sismember(this.servedKey(), type)) === 1) this.served.add(type);
    return this.served.has(type);
  }

  private servedKey(): string {
    return `${this.prefix}:yc:served-types`;
  }

  /** Deletes every key under this queue's prefix: what a Redis that lost its data looks like (tests, resets). */
  async forgetEverything(): Promise<void> {
    for (let cursor = '0'; ;) {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
    this.served.clear();
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.redis.quit();
  }
}
