import type { BenchModel } from '../models.js';

/** A pool's connections at one moment: open to the server, and busy with a statement. */
export interface Connections { open: number; inUse: number }

/**
 * One engine on one kind of storage, driven the same way as every other: start an instance,
 * list its open user tasks, complete them one by one until none is left.
 */
export interface Contender {
  /** Engine and storage, as printed in the table: "yichuang postgres". */
  readonly name: string;
  /** Whether every step is written to storage that outlives the process. */
  readonly durable: boolean;
  /** Deploys or parses the models once, before any instance runs. */
  open(models: readonly BenchModel[]): Promise<void>;
  /** Starts an instance (one step) and returns its id. */
  start(model: BenchModel): Promise<string>;
  /** Ids of the instance's open user tasks. */
  openTasks(instanceId: string): Promise<string[]>;
  /** Completes one user task (one step). */
  complete(instanceId: string, taskId: string): Promise<void>;
  /** Bytes of state kept for a live instance (see each contender for what is counted). */
  storedBytes(instanceId: string): Promise<number>;
  /** Bytes of history kept beside the state so far, for engines that keep one. */
  historyBytes?(instanceId: string): Promise<number>;
  /** Database connections the pool holds open right now, and how many of them are busy, for contenders that have a pool. */
  connectionsNow?(): Connections;
  /** The most connections the contender may hold (its pool size), if it has a pool. */
  readonly connections?: number;
  close(): Promise<void>;
}
