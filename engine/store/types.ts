import type { InstanceState } from '../runtime/state.js';
import type { Effect } from '../runtime/effects.js';
import type { StoredEvent } from '../history/chain.js';

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

/** A snapshot with its version and the hash of the instance's last history event. */
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
  events: StoredEvent[];
  effects: Effect[];
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
export interface EngineStore {
  /** Prepares the store (a durable one runs its migrations). Called once before anything else. */
  init?(): Promise<void>;
  saveDeployment(record: DeploymentRecord): Promise<void>;
  deployments(): Promise<DeploymentRecord[]>;
  load(instanceId: string): Promise<LoadedInstance | undefined>;
  commit(commit: Commit): Promise<void>;
  history(instanceId: string): Promise<StoredEvent[]>;
  tasks(query: TaskQuery): Promise<OpenTask[]>;
  task(id: string): Promise<OpenTask | undefined>;
  /** Whether a task with this id ever existed (to tell "completed" from "unknown"). */
  taskExisted(id: string): Promise<boolean>;
  jobs(type?: string): Promise<PendingJob[]>;
  job(id: string): Promise<PendingJob | undefined>;
  /** Locks a job that is free at `now`; false when another worker holds it. */
  lockJob(id: string, worker: string, until: number, now: number): Promise<boolean>;
  messageSubscriptions(name: string, correlationKey?: string): Promise<Subscription[]>;
  signalSubscriptions(name: string): Promise<Subscription[]>;
  dueTimers(until: number): Promise<DueTimer[]>;
  nextTimer(): Promise<number | undefined>;
  instances(filter?: { status?: InstanceState['status']; processId?: string }): Promise<InstanceState[]>;
  /** Effects committed but not yet carried out (after a crash), oldest first. */
  pendingEffects(): Promise<Array<{ instanceId: string; effect: Effect }>>;
  /** Marks effects as carried out. */
  effectsDone(ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
