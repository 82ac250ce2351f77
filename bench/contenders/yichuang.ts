import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, MemoryStore } from '../../engine/index.js';
import type { Engine, EngineStore } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import type { Knex } from 'knex';
import type { BenchModel } from '../models.js';
import type { Connections, Contender } from './contender.js';

export type YichuangStorage = 'memory' | 'sqlite' | 'postgres';

interface Pool { numUsed(): number; numFree(): number; max: number }

/**
 * yichuang through its public API, as an application uses it: `start`, `tasks({ instanceId })`,
 * `completeTask`. A step is committed when the call returns. Stored bytes: the JSON snapshot
 * the store keeps (the `state` column of yc_instances; for memory, JSON of the loaded state).
 */
export class YichuangContender implements Contender {
  readonly name: string;
  readonly durable: boolean;
  connections?: number;
  private engine!: Engine;
  private store!: EngineStore;
  private cleanup = (): void => undefined;

  /** `retainEnded: false` lets the memory store forget ended instances (the flat-memory run). */
  constructor(private readonly storage: YichuangStorage, private readonly databaseUrl?: string, private readonly retainEnded = true) {
    this.name = `yichuang ${storage}`;
    this.durable = storage !== 'memory';
  }

  async open(models: readonly BenchModel[]): Promise<void> {
    this.store = this.makeStore();
    this.engine = createEngine({ store: this.store });
    for (const model of models) await this.engine.deploy(model.xml, { name: `${model.id}.bpmn` });
    this.connections = this.pool()?.max;
  }

  private makeStore(): EngineStore {
    if (this.storage === 'memory') return new MemoryStore({ retainEnded: this.retainEnded });
    if (this.storage === 'sqlite') {
      // A real file, so commits go through the journal as they would in production.
      const dir = mkdtempSync(join(tmpdir(), 'yc-bench-'));
      this.cleanup = () => rmSync(dir, { recursive: true, force: true });
      return new KnexStore({ filename: join(dir, 'bench.sqlite') });
    }
    if (!this.databaseUrl) throw new Error('DATABASE_URL is not set');
    return new KnexStore({ url: this.databaseUrl, schema: `yc_bench_${process.pid}`, dropSchemaOnClose: true });
  }

  /** The store's tables, when they are in a database (the api bench counts commits there). */
  get knex(): Knex | undefined {
    return this.store instanceof KnexStore ? this.store.knex : undefined;
  }

  async start(model: BenchModel): Promise<string> {
    return (await this.engine.start(model.id)).id;
  }

  async openTasks(instanceId: string): Promise<string[]> {
    return (await this.engine.tasks({ instanceId })).map((task) => task.id);
  }

  async complete(_instanceId: string, taskId: string): Promise<void> {
    await this.engine.completeTask(taskId);
  }

  async storedBytes(instanceId: string): Promise<number> {
    if (this.store instanceof KnexStore) {
      const row = await this.store.knex('yc_instances').where({ id: instanceId }).first('state');
      return Buffer.byteLength(String(row?.state ?? ''));
    }
    const loaded = await this.store.load(instanceId);
    return Buffer.byteLength(JSON.stringify(loaded?.state ?? null));
  }

  /** The hash-chained history as stored: JSON of the events with their links and hashes. */
  async historyBytes(instanceId: string): Promise<number> {
    return Buffer.byteLength(JSON.stringify(await this.engine.history(instanceId)));
  }

  /** Instances the store still holds, finished ones included. */
  async retainedInstances(): Promise<number> {
    return (await this.store.instances()).length;
  }

  connectionsNow(): Connections {
    const pool = this.pool();
    return pool ? { open: pool.numUsed() + pool.numFree(), inUse: pool.numUsed() } : { open: 0, inUse: 0 };
  }

  private pool(): Pool | undefined {
    if (!(this.store instanceof KnexStore)) return undefined;
    return (this.store.knex.client as { pool?: Pool }).pool;
  }

  async close(): Promise<void> {
    await this.engine?.close();
    this.cleanup();
  }
}
