import { EngineError } from '../errors.js';
import type { InstanceState } from '../runtime/state.js';
import type { StoredEvent } from '../history/chain.js';
import { GENESIS } from '../history/chain.js';
import type { Commit, DeploymentRecord, LoadedInstance, DueTimer, EngineStore, OpenTask, PendingJob, Subscription, TaskQuery } from './types.js';
import { Projections } from './projections.js';

/** The in-memory store: for tests, the embedded demo and benchmarks. Same contract as the durable ones. */
export class MemoryStore implements EngineStore {
  /**
   * `retainEnded: false` forgets an instance (snapshot, history, closed tasks) once it has
   * ended, for long-running embedders that keep their records elsewhere; by default the
   * store keeps everything, as a durable one does.
   */
  constructor(private readonly options: { retainEnded?: boolean } = {}) {}

  private readonly deploymentList: DeploymentRecord[] = [];
  private readonly snapshots = new Map<string, { state: InstanceState; version: number }>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly projections = new Projections();

  async saveDeployment(record: DeploymentRecord): Promise<void> {
    this.deploymentList.push(record);
  }

  async deployments(): Promise<DeploymentRecord[]> {
    return [...this.deploymentList];
  }

  async load(instanceId: string): Promise<LoadedInstance | undefined> {
    const found = this.snapshots.get(instanceId);
    if (!found) return undefined;
    const lastHash = this.events.get(instanceId)?.at(-1)?.hash ?? GENESIS;
    return { state: structuredClone(found.state), version: found.version, lastHash };
  }

  async commit(commit: Commit): Promise<void> {
    const current = this.snapshots.get(commit.instanceId)?.version ?? 0;
    if (current !== commit.expectedVersion) {
      throw new EngineError('CONFLICT', `instance ${commit.instanceId} changed meanwhile (version ${current}, expected ${commit.expectedVersion}); reload and try again`, { instanceId: commit.instanceId });
    }
    this.snapshots.set(commit.instanceId, { state: commit.state, version: current + 1 });
    const list = this.events.get(commit.instanceId) ?? [];
    list.push(...commit.events);
    this.events.set(commit.instanceId, list);
    this.projections.apply(commit.state, commit.effects, commit.events[0]?.at ?? 0);
    if (this.options.retainEnded === false && commit.state.status !== 'active') this.forget(commit.instanceId);
  }

  private forget(instanceId: string): void {
    this.snapshots.delete(instanceId);
    this.events.delete(instanceId);
    this.projections.forget(instanceId);
  }

  async history(instanceId: string): Promise<StoredEvent[]> {
    return [...(this.events.get(instanceId) ?? [])];
  }

  async tasks(query: TaskQuery): Promise<OpenTask[]> {
    return this.projections.findTasks(query);
  }

  async task(id: string) {
    return this.projections.tasks.get(id);
  }

  async taskExisted(id: string) {
    return this.projections.tasks.has(id) || this.projections.closedTasks.has(id);
  }

  async jobs(type?: string): Promise<PendingJob[]> {
    return [...this.projections.jobs.values()].filter((job) => type === undefined || job.type === type);
  }

  async job(id: string) {
    return this.projections.jobs.get(id);
  }

  async lockJob(id: string, worker: string, until: number, now: number): Promise<boolean> {
    const job = this.projections.jobs.get(id);
    if (!job || job.lockedUntil > now) return false;
    Object.assign(job, { lockedUntil: until, worker });
    return true;
  }

  async messageSubscriptions(name: string, correlationKey?: string): Promise<Subscription[]> {
    return this.projections.messages(name, correlationKey);
  }

  async signalSubscriptions(name: string): Promise<Subscription[]> {
    return this.projections.signals(name);
  }

  async dueTimers(until: number): Promise<DueTimer[]> {
    return this.projections.dueTimers(until);
  }

  async nextTimer(): Promise<number | undefined> {
    return this.projections.nextTimer();
  }

  async instances(filter: { status?: InstanceState['status']; processId?: string } = {}): Promise<InstanceState[]> {
    return [...this.snapshots.values()].map((s) => s.state)
      .filter((s) => (!filter.status || s.status === filter.status) && (!filter.processId || s.processId === filter.processId));
  }

  /** Memory dies with the process: effects are carried out in it or not at all. */
  async pendingEffects() {
    return [];
  }

  async effectsDone(): Promise<void> {}

  async close(): Promise<void> {}
}
