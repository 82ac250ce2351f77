import { Worker } from 'bullmq';
import type { Job as Delivery } from 'bullmq';
import type { Engine } from '../engine.js';
import type { BullQueue } from './bullmq.js';
import { jobsQueueName, TIMERS_QUEUE } from './bullmq.js';
import { reconcile } from './reconcile.js';
import type { ReconcileResult } from './reconcile.js';
import type { QueuedTimer } from './types.js';

export interface QueueWorkerOptions {
  /** An engine on the shared database, created with the same queue, with the job handlers this worker runs. */
  engine: Engine;
  queue: BullQueue;
  /** Deliveries run at once, per job type and for timers (default 4). */
  concurrency?: number;
  /** How often the reconciler refills the queue from the database (default 30 s; 0: only at start). */
  reconcileEveryMs?: number;
  log?: (line: string) => void;
}

/**
 * A worker process's loop (server mode): takes deliveries of the job types its engine has
 * handlers for, and due timers, off BullMQ and runs them through the engine. A delivery that
 * comes twice does no harm: the job is locked in the database first, so a second copy finds
 * it held or done ('skipped', 'stale'); a timer already fired or re-armed is not fired again.
 */
export class QueueWorker {
  private readonly workers: Worker[] = [];
  private interval: ReturnType<typeof setInterval> | undefined;
  private readonly log: (line: string) => void;

  constructor(private readonly options: QueueWorkerOptions) {
    this.log = options.log ?? (() => undefined);
  }

  /** Reconciles once (so work created while no worker ran is queued), then starts taking deliveries. */
  async start(): Promise<void> {
    await this.options.engine.idle();
    const result = await this.reconcile();
    this.log(`reconciled at start: ${result.jobs} jobs, ${result.timers} timers re-enqueued`);
    const { queue, concurrency = 4 } = this.options;
    const settings = { connection: queue.connection, prefix: queue.prefix, concurrency };
    for (const type of this.options.engine.jobTypes()) {
      this.watch(new Worker(jobsQueueName(type), (delivery) => this.runJob(delivery), settings));
    }
    this.watch(new Worker(TIMERS_QUEUE, (delivery) => this.fireTimer(delivery), settings));
    const every = this.options.reconcileEveryMs ?? 30_000;
    if (every > 0) {
      this.interval = setInterval(() => void this.reconcile().catch((err: unknown) => this.log(`reconcile failed: ${String(err)}`)), every);
      this.interval.unref();
    }
  }

  /** Announces this worker's job types and enqueues what the database has and the queue lacks. */
  async reconcile(): Promise<ReconcileResult> {
    const { engine, queue } = this.options;
    const types = engine.jobTypes();
    await queue.serve(types);
    return reconcile(engine.store, queue, { types, now: engine.clock.now() });
  }

  private watch(worker: Worker): void {
    worker.on('failed', (delivery, err) => this.log(`delivery ${delivery?.id ?? '?'} failed: ${err.message}`));
    worker.on('error', (err) => this.log(`worker error: ${err.message}`));
    this.workers.push(worker);
  }

  private async runJob(delivery: Delivery<{ jobId: string }>): Promise<void> {
    const outcome = await this.options.engine.runJob(delivery.data.jobId);
    if (outcome === 'skipped' || outcome === 'stale') this.log(`job ${delivery.data.jobId}: ${outcome} (held by another worker, or done already)`);
  }

  private async fireTimer(delivery: Delivery<QueuedTimer>): Promise<void> {
    if (!(await this.options.engine.fireTimer(delivery.data))) this.log(`timer ${delivery.id}: stale (withdrawn or re-armed meanwhile)`);
  }

  /** Stops taking deliveries for a while (the ones running finish). */
  async pause(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.pause()));
  }

  async resume(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.resume()));
  }

  /** Stops taking deliveries and waits for the running ones; the engine is the caller's to close. */
  async close(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }
}
