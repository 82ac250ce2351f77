import { describe } from '@jest/globals';
import { createEngine, weekdayCalendar } from '../../../engine/index.js';
import type { Engine, EngineOptions } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { BullQueue } from '../../../engine/queue/bullmq.js';
import { QueueWorker } from '../../../engine/queue/worker.js';
import { uniqueName } from './support.js';

/** Server mode needs real Redis and PostgreSQL; without them these tests skip and say why. */
export const serverMode = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);
export const describeServer: typeof describe.skip = serverMode ? describe : describe.skip;
export const serverTitle = (title: string) => (serverMode ? title : `${title} (skipped: set REDIS_URL and DATABASE_URL to run against real Redis and PostgreSQL)`);

export interface RunningWorker {
  engine: Engine;
  worker: QueueWorker;
  queue: BullQueue;
}

/**
 * One test's server: an api engine and worker engines on a PostgreSQL schema and a BullMQ
 * prefix of its own (so parallel test files never meet), all torn down by `close`.
 */
export class TestServer {
  readonly schema = uniqueName('srv');
  readonly prefix = uniqueName('yc');
  readonly workers: RunningWorker[] = [];
  readonly log: string[] = [];
  private readonly engines: Engine[] = [];

  queue(): BullQueue {
    return new BullQueue({ url: process.env.REDIS_URL!, prefix: this.prefix });
  }

  /** An engine on the shared store and queue, as an api process or a worker builds it. */
  async engine(options: EngineOptions = {}): Promise<{ engine: Engine; queue: BullQueue }> {
    const queue = this.queue();
    const store = new KnexStore({ url: process.env.DATABASE_URL, schema: this.schema });
    const engine = createEngine({ store, queue, calendar: weekdayCalendar(), ...options });
    this.engines.push(engine);
    await engine.idle();
    return { engine, queue };
  }

  async startWorker(options: EngineOptions, name: string): Promise<RunningWorker> {
    const { engine, queue } = await this.engine({ ...options, workerName: name });
    const worker = new QueueWorker({ engine, queue, concurrency: 2, reconcileEveryMs: 0, log: (line) => this.log.push(`${name}: ${line}`) });
    await worker.start();
    const running = { engine, worker, queue };
    this.workers.push(running);
    return running;
  }

  /** Waits until no instance in the store is active (or fails after `timeoutMs`, listing them). */
  async allEnded(engine: Engine, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const active = await engine.store.instances({ status: 'active' });
      if (active.length === 0) return;
      if (Date.now() > until) throw new Error(`still active after ${timeoutMs} ms: ${active.map((s) => s.id).join(', ')}\n${this.log.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.worker.close()));
    const cleaner = this.queue();
    await Promise.all(this.engines.splice(0).map((engine) => engine.close()));
    await cleaner.forgetEverything();
    await cleaner.close();
    await new KnexStore({ url: process.env.DATABASE_URL, schema: this.schema, dropSchemaOnClose: true }).close();
  }
}
