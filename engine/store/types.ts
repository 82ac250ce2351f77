import type { InstanceState } from '../runtime/state.js';
import type { Effect } from '../runtime/effects.js';
import type { EventRecord, StoredEvent } from '../history/chain.js';
import type { HistorySeal } from '../history/seals.js';
import type { MessageBufferStore, MessageTake, StartTimerStore } from './start-timers-and-messages.js';
import type { ClaimStore } from './claims.js';

/** A deployed definition version. The XML is kept: it is what auditors see and what is recompiled. */
export interface DeploymentRecord {
  key: string;
  name: string;
  xml: string;
  deployedAt: number;
  /** Process id -> version number, for the processes this deployment made. */
  processes: Record<string, number>;
  /** Hash of the XML, so deploying the same file twice makes no new version. */
  checksum: string;
}

/**
 * A snapshot with its version and the hash of the instance's last history event. The state
 * is the caller's own copy: the engine steps it in place.
 */
export interface LoadedInstance {
  state: InstanceState;
  version: number;
  lastHash: string;
}

/** One command's outcome, written atomically: snapshot, events, projections, effects. */
export interface Commit {
  instanceId: string;
  /** The version loaded before the step (0 for a new instance); the store refuses a mismatch. */
  expectedVersion: number;
  state: InstanceState;
  /** Chained events, their bodies already as the JSON text that was hashed. */
  events: EventRecord[];
  /** Every effect of the step: the read models (open tasks, jobs, timers, subscriptions) follow them. */
  effects: Effect[];
  /**
   * The effects to carry out after the commit, in order (a subset of `effects`): a durable
   * store keeps them in its outbox, with the commit, until they are marked done.
   */
  outbox: Effect[];
  /**
   * The buffered message this commit takes: written only if the store deletes that message
   * (alive at `now`) in the same transaction; else nothing is written (MESSAGE_TAKEN).
   */
  takesMessage?: MessageTake;
}

export interface OpenTask {
  id: string;
  instanceId: string;
  processId: string;
  elementId: string;
  name?: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  properties: Record<string, unknown>;
  createdAt: number;
}

export interface TaskQuery {
  instanceId?: string;
  processId?: string;
  elementId?: string;
  assignee?: string;
  candidateGroup?: string;
  candidateUser?: string;
}

export interface PendingJob {
  id: string;
  instanceId: string;
  key: string;
  elementId: string;
  type: string;
  retries: number;
  headers: Record<string, string>;
  /** Not available before this instant: locked by a worker, or a retry waiting out its backoff (0 = available). */
  lockedUntil: number;
  worker?: string;
}

export interface Subscription {
  instanceId: string;
  key: string;
  wait: number;
  name: string;
  correlationKey?: string;
  createdSeq: number;
}

export interface DueTimer {
  instanceId: string;
  key: string;
  wait: number;
  due: number;
}

/**
 * The engine's storage port. `commit` is the one write path for instances: it checks the
 * version, stores the snapshot and events, updates the projections from the effects, all
 * or nothing. Adapters: memory (here), knex for SQLite and PostgreSQL.
 */
export interface EngineStore extends StartTimerStore, MessageBufferStore, ClaimStore {
  /** Prepares the store (a durable one runs its migrations). Called once before anything else. */
  init?(): Promise<void>;
  saveDeployment(record: DeploymentRecord): Promise<void>;
  deployments(): Promise<DeploymentRecord[]>;
  load(instanceId: string): Promise<LoadedInstance | undefined>;
  /**
   * The instance as this process last committed it, if the store still remembers it (saves
   * a durable store a read per command). It may be stale when another process has committed
   * since; a command stepped from it is then refused by the commit's version check and tried
   * again on a fresh `load`. Only for commands, never to answer a reader.
   */
  recent?(instanceId: string): LoadedInstance | undefined;
  /** Writes a commit; CONFLICT when the version check fails, MESSAGE_TAKEN when its `takesMessage` is gone. Either way nothing is written. */
  commit(commit: Commit): Promise<void>;
  history(instanceId: string): Promise<StoredEvent[]>;
  tasks(query: TaskQuery): Promise<OpenTask[]>;
  task(id: string): Promise<OpenTask | undefined>;
  /** Whether a task with this id ever existed (to tell "completed" from "unknown"). */
  taskExisted(id: string): Promise<boolean>;
  jobs(type?: string): Promise<PendingJob[]>;
  /**
   * Up to `limit` jobs of a type that a worker may activate at `now`: retries left, no lock
   * held (longest free first). A worker polls this, so it reads no more than it returns.
   */
  activatableJobs(type: string, now: number, limit: number): Promise<PendingJob[]>;
  job(id: string): Promise<PendingJob | undefined>;
  /** Locks a job that is free at `now`; false when another worker holds it. */
  lockJob(id: string, worker: string, until: number, now: number): Promise<boolean>;
  messageSubscriptions(name: string, correlationKey?: string): Promise<Subscription[]>;
  signalSubscriptions(name: string): Promise<Subscription[]>;
  dueTimers(until: number): Promise<DueTimer[]>;
  nextTimer(): Promise<number | undefined>;
  instances(filter?: { status?: InstanceState['status']; processId?: string }): Promise<InstanceState[]>;
  /**
   * Marks effects as carried out. A durable store may write the marks a moment later, many
   * at once: a crash before then only carries those effects out again, which effects
   * tolerate (at least once).
   */
  effectsDone(ids: readonly string[]): Promise<void>;
  /** Files signed chain heads (engine/history/seals.ts); a head already sealed is left as it is. */
  saveSeals(seals: readonly HistorySeal[]): Promise<void>;
  /** An instance's seals, oldest first. */
  seals(instanceId: string): Promise<HistorySeal[]>;
  close(): Promise<void>;
}
