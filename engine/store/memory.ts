import { EngineError } from '../errors.js';
import type { InstanceState } from '../runtime/state.js';
import type { EventRecord, StoredEvent } from '../history/chain.js';
import { GENESIS } from '../history/chain.js';
import type { HistorySeal } from '../history/seals.js';
import type { Commit, DeploymentRecord, LoadedInstance, DueTimer, EngineStore, OpenTask, PendingJob, Subscription, TaskQuery } from './types.js';
import { Projections } from './projections.js';
import type { ClaimedEffect } from './claims.js';
import { MemoryStartTimers } from './memory-start-timers.js';
import { MemoryMessages } from './memory-messages.js';
import { messageTaken } from './start-timers-and-messages.js';
import type { BufferedMessage, StartTimer } from './start-timers-and-messages.js';

/** The in-memory store: for tests, the embedded demo and benchmarks. Same contract as the durable ones. */
export class MemoryStore implements EngineStore {
  /**
   * `retainEnded: false` forgets an instance (snapshot, history, closed tasks) once it has
   * ended, for long-running embedders that keep their records elsewhere; by default the
   * store keeps everything, as a durable one does.
   */
  constructor(private readonly options: { retainEnded?: boolean } = {}) {}

  private readonly deploymentList: DeploymentRecord[] = [];
  /**
   * Snapshots and events are kept as JSON text, as a durable store keeps them: nothing a
   * caller holds (its variables, a listener's state) is shared with what is stored, and a
   * load is one parse, the private copy the engine steps in place. Each commit's events are
   * one string (see `pack`).
   */
  private readonly snapshots = new Map<string, { state: string; version: number; lastHash: string }>();
  private readonly events = new Map<string, string[]>();
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
    return { state: JSON.parse(found.state) as InstanceState, version: found.version, lastHash: found.lastHash };
  }

  async commit(commit: Commit): Promise<void> {
    const current = this.snapshots.get(commit.instanceId)?.version ?? 0;
    if (current !== commit.expectedVersion) {
      throw new EngineError('CONFLICT', `instance ${commit.instanceId} changed meanwhile (version ${current}, expected ${commit.expectedVersion}); reload and try again`, { instanceId: commit.instanceId });
    }
    if (commit.takesMessage && !this.messages.take(commit.takesMessage)) throw messageTaken(commit.instanceId, commit.takesMessage);
    const before = this.snapshots.get(commit.instanceId);
    if (commit.events.length > 0) {
      const list = this.events.get(commit.instanceId) ?? [];
      list.push(pack(commit.events));
      this.events.set(commit.instanceId, list);
    }
    const lastHash = commit.events.at(-1)?.hash ?? before?.lastHash ?? GENESIS;
    this.snapshots.set(commit.instanceId, { state: JSON.stringify(commit.state), version: current + 1, lastHash });
    this.projections.apply(commit.state, commit.effects, commit.events[0]?.at ?? 0);
    if (this.options.retainEnded === false && commit.state.status !== 'active') this.forget(commit.instanceId);
  }

  private forget(instanceId: string): void {
    this.snapshots.delete(instanceId);
    this.events.delete(instanceId);
    this.projections.forget(instanceId);
  }

  async history(instanceId: string): Promise<StoredEvent[]> {
    return unpack(this.events.get(instanceId) ?? []);
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

  async activatableJobs(type: string, now: number, limit: number): Promise<PendingJob[]> {
    const free = (await this.jobs(type)).filter((job) => job.lockedUntil <= now && job.retries > 0);
    return free.sort((a, b) => a.lockedUntil - b.lockedUntil || (a.id < b.id ? -1 : 1)).slice(0, limit);
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
    return [...this.snapshots.values()].map((s) => JSON.parse(s.state) as InstanceState)
      .filter((s) => (!filter.status || s.status === filter.status) && (!filter.processId || s.processId === filter.processId));
  }

  async effectsDone(): Promise<void> {}

  private readonly sealed = new Map<string, HistorySeal[]>();

  async saveSeals(seals: readonly HistorySeal[]): Promise<void> {
    for (const seal of seals) {
      const list = this.sealed.get(seal.instanceId) ?? [];
      if (!list.some((s) => s.seq === seal.seq)) this.sealed.set(seal.instanceId, [...list, seal].sort((a, b) => a.seq - b.seq));
    }
  }

  async seals(instanceId: string): Promise<HistorySeal[]> {
    return [...(this.sealed.get(instanceId) ?? [])];
  }

  // Claims (claims.ts): memory dies with its process, so no effect is ever left to another.
  async claimEffects(): Promise<ClaimedEffect[]> {
    return [];
  }

  async keepJobLock(id: string, worker: string, heldUntil: number, until: number): Promise<boolean> {
    const job = this.projections.jobs.get(id);
    if (!job || job.worker !== worker || job.lockedUntil !== heldUntil) return false;
    job.lockedUntil = until;
    return true;
  }

  async close(): Promise<void> {}

  // Timer start events and the message buffer (start-timers-and-messages.ts), in their own tables.
  private readonly startTimers = new MemoryStartTimers();
  private readonly messages = new MemoryMessages();

  armStartTimers(processId: string, version: number, timers: readonly StartTimer[]) {
    return this.startTimers.armStartTimers(processId, version, timers);
  }

  dueStartTimers(until: number) {
    return this.startTimers.dueStartTimers(until);
  }

  nextStartTimer() {
    return this.startTimers.nextStartTimer();
  }

  claimStartTimer(definitionKey: string, startEvent: string, due: number, next: { due: number | null; fired: number }) {
    return this.startTimers.claimStartTimer(definitionKey, startEvent, due, next);
  }

  bufferMessage(message: BufferedMessage, now: number) {
    return this.messages.bufferMessage(message, now);
  }

  messageBuffered(id: string, now: number) {
    return this.messages.messageBuffered(id, now);
  }

  bufferedMessages(name: string, correlationKey: string | undefined, now: number, limit: number) {
    return this.messages.bufferedMessages(name, correlationKey, now, limit);
  }

  dropExpiredMessages(now: number) {
    return this.messages.dropExpiredMessages(now);
  }
}

/**
 * A commit's events as one string, a line per event: sequence number, time, hash and body,
 * tab-separated (JSON text escapes tabs and newlines). A long run then leaves a string per
 * step for the garbage collector to walk, not a dozen small objects.
 */
function pack(events: readonly EventRecord[]): string {
  return events.map((e) => `${e.seq}\t${e.at}\t${e.hash}\t${e.body}`).join('\n');
}

/** The stored events of packed commits, each linked to the one before. */
function unpack(commits: readonly string[]): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS;
  for (const line of commits.flatMap((commit) => commit.split('\n'))) {
    const [seq, at, hash, body] = line.split('\t') as [string, string, string, string];
    events.push({ ...JSON.parse(body), seq: Number(seq), at: Number(at), prev, hash } as StoredEvent);
    prev = hash;
  }
  return events;
}
