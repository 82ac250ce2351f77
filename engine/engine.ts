import { EngineError } from './errors.js';
import type { Clock } from './clock/index.js';
import type { WorkingCalendar } from './calendar/types.js';
import { timerStartProblems } from './timers/start-timers.js';
import type { Command } from './runtime/commands.js';
import type { InstanceState } from './runtime/state.js';
import { replay as replayEvents } from './runtime/events.js';
import type { HistoryEvent } from './runtime/events.js';
import { verifyChain } from './history/chain.js';
import { checkSeals } from './history/seals.js';
import type { SealCheck, SealVerifier } from './history/seals.js';
import type { ChainCheck, StoredEvent } from './history/chain.js';
import type { EngineStore, OpenTask, TaskQuery } from './store/types.js';
import type { MessageTake } from './store/start-timers-and-messages.js';
import { canonicalItemId, splitItemId } from './store/projections.js';
import type { Deployment } from './deploy/deployments.js';
import type { Job, JobHandler } from './jobs/jobs.js';
import { checkVariables } from './commands/variables-check.js';
import type { RunOutcome } from './jobs/job-runner.js';
import type { QueuedTimer } from './queue/types.js';
import { describeInstance } from './instance-view.js';
import type { InstanceView, Incident } from './instance-view.js';
import type { PublishOptions, Published } from './delivery/message-buffer.js';
import type { ElementMapping } from './runtime/migration.js';
import type { CommandCheck } from './commands/command-path.js';
import type { EffectListener, FollowOptions } from './effects/effect-dispatcher.js';
import { isStale } from './commands/stale.js';
import { migrateInstances } from './deploy/instance-migration.js';
import type { EngineOptions, MigrationReport, VersionRef } from './options.js';
import { assemble } from './assemble.js';
import type { EngineParts } from './assemble.js';

export type { EffectListener, FollowOptions } from './effects/effect-dispatcher.js';
export type { EngineOptions, MigrationReport, VersionRef } from './options.js';

/**
 * The embeddable engine: deploys definitions, runs instances through the pure step function,
 * commits each step to its store and carries out the effects (jobs, timers, messages, child
 * instances). One command per instance at a time; many instances at once. This is the facade:
 * the parts behind it are wired in assemble.ts; the write path is `CommandPath`, carrying
 * effects out `EffectDispatcher`, effects left behind `OutboxSweep`.
 */
export class Engine {
  readonly store: EngineStore;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  private readonly parts: EngineParts;
  private readonly loaded: Promise<void>;

  constructor(options: EngineOptions = {}) {
    this.parts = assemble(this, options);
    ({ store: this.store, clock: this.clock, calendar: this.calendar } = this.parts);
    this.loaded = this.open();
    this.loaded.catch(() => undefined);
  }

  /** Migrates the store, recompiles what it holds, carries out effects left behind (see OutboxSweep) and picks up pending jobs. */
  private async open(): Promise<void> {
    await this.store.init?.();
    await this.parts.deployments.load();
    await this.parts.startEvents.refresh(this.clock.now());
    // Timer start events are looked at by every process's scheduler, also one that deploys nothing (a worker).
    this.parts.scheduler.wake();
    this.parts.work.track((async () => {
      await this.parts.outbox.sweep();
      await this.parts.handOut.recover();
    })());
    this.parts.outbox.start();
  }

  /**
   * Compiles and stores a BPMN file; refuses it with a ModelError listing every problem. The
   * same XML again makes no new version (`duplicate`), unless `filterDuplicates` is false.
   */
  async deploy(xml: string, options: { name?: string; filterDuplicates?: boolean } = {}): Promise<Deployment> {
    await this.loaded;
    const now = this.clock.now();
    const deployment = await this.parts.deployments.deploy(xml, options.name ?? 'definitions.bpmn', now, (process) => timerStartProblems(process, now, this.calendar), options.filterDuplicates ?? true);
    await this.parts.startEvents.refresh(this.clock.now(), deployment.processes.map((p) => p.processId));
    this.parts.scheduler.wake();
    return deployment;
  }

  /**
   * Starts an instance of the newest (or the given) version of a process at its none start event.
   * With `id`, idempotently: the instance gets that id, and when it exists already (a retry, a
   * repair after a crash) the existing one is returned if it runs the same process under the
   * same business key; else INSTANCE_EXISTS.
   */
  async start(processId: string, variables?: Record<string, unknown>, options: { version?: number; businessKey?: string; id?: string } = {}): Promise<InstanceView> {
    await this.loaded;
    await this.parts.deployments.sync();
    const { key } = this.parts.deployments.resolve(processId, options.version);
    const id = options.id ?? this.parts.newId();
    try {
      const state = await this.execute(id, { type: 'start', processId, definitionKey: key, variables: checkVariables(variables), businessKey: options.businessKey });
      return describeInstance(state);
    } catch (err) {
      if (!(options.id && err instanceof EngineError && err.code === 'INSTANCE_EXISTS')) throw err;
      const existing = await this.instance(id);
      if (existing?.processId === processId && existing.businessKey === options.businessKey) return existing;
      throw err;
    }
  }

  /** Starts an instance at a given start event (message, signal, timer start, or a child). */
  async startAt(definitionKey: string, id: string, command: Partial<Extract<Command, { type: 'start' }>>): Promise<void> {
    const process = this.parts.deployments.process(definitionKey);
    await this.execute(id, { type: 'start', processId: process.id, definitionKey, ...command });
  }

  /**
   * The BPMN XML a definition version (`processId:version`, an instance's definitionKey) was
   * deployed from, diagram included, so a viewer draws what the instance runs; undefined for
   * a version never deployed.
   */
  async definitionXml(definitionKey: string): Promise<string | undefined> {
    await this.loaded;
    await this.parts.deployments.sync(definitionKey);
    return this.parts.deployments.xml(definitionKey);
  }

  async instance(id: string): Promise<InstanceView | undefined> {
    await this.loaded;
    const loaded = await this.store.load(id);
    return loaded ? describeInstance(loaded.state) : undefined;
  }

  /** Open tasks; on a store still migrating, once it is done (a task's id changed form in migration 008). */
  async tasks(query: TaskQuery = {}): Promise<OpenTask[]> {
    await this.loaded;
    return this.store.tasks(query);
  }

  /**
   * Completes a user task; `by`, who did it, goes with the answer on its 'task.closed' effect.
   * Errors: TASK_NOT_FOUND, TASK_ALREADY_COMPLETED, VARIABLES_INVALID, CONFLICT.
   */
  async completeTask(taskId: string, variables?: Record<string, unknown>, options: { by?: string } = {}): Promise<void> {
    const checked = checkVariables(variables);
    // The task id names its instance and item: the step itself finds out whether the task is open.
    await this.onTask(taskId, (key) => ({ type: 'complete', key, variables: checked, ...(options.by ? { by: options.by } : {}) }));
  }

  /** A person takes an open user task (认领). Errors: TASK_NOT_FOUND, TASK_ALREADY_COMPLETED, TASK_CLAIMED (held by another). */
  async claimTask(taskId: string, assignee: string): Promise<void> {
    await this.onTask(taskId, (key) => ({ type: 'claim', key, assignee }));
  }

  /** A claimed task goes back to its candidate groups and users. */
  async unclaimTask(taskId: string): Promise<void> {
    await this.onTask(taskId, (key) => ({ type: 'unclaim', key }));
  }

  /** A task handed on to a named person, with who handed it on and why, both kept in the history. */
  async handOnTask(taskId: string, handing: { to: string; by?: string; reason: string }): Promise<void> {
    await this.onTask(taskId, (key) => ({ type: 'handOn', key, ...handing }));
  }

  /** Runs a command on an open user task, telling a task done from one that never was. */
  private async onTask(taskId: string, command: (key: string) => Command): Promise<void> {
    const item = splitItemId(taskId);
    try {
      if (!item) throw new EngineError('INSTANCE_NOT_FOUND', `no task ${taskId}`, { taskId });
      await this.execute(item.instanceId, command(item.key), (state) => openTask(state, item.key));
    } catch (err) {
      if (!isStale(err)) throw err;
      if (await this.store.taskExisted(canonicalItemId(taskId))) throw new EngineError('TASK_ALREADY_COMPLETED', `task ${taskId} is already completed (or was cancelled)`, { taskId });
      throw new EngineError('TASK_NOT_FOUND', `no task ${taskId}`, { taskId });
    }
  }

  /** Correlates a message to one waiting subscription, else starts instances at message start events. */
  async correlateMessage(name: string, correlationKey?: string, variables?: Record<string, unknown>): Promise<{ instanceIds: string[] }> {
    await this.loaded;
    const checked = checkVariables(variables);
    const reached = await this.parts.deliveries.message(name, correlationKey, checked);
    if (reached.length === 0) {
      throw new EngineError('MESSAGE_NOT_CORRELATED', `no instance waits for message "${name}"${correlationKey ? ` with correlation key "${correlationKey}"` : ''} and no process starts with it`, { name, correlationKey });
    }
    return { instanceIds: reached };
  }

  /**
   * Publishes a message as Zeebe does: correlates it now when a wait (or a message start event)
   * takes it; otherwise, with a time to live, buffers it for the first matching wait to open
   * before it expires. MESSAGE_ALREADY_PUBLISHED: its messageId waits in the buffer already.
   */
  async publishMessage(name: string, options: PublishOptions = {}): Promise<Published> {
    await this.loaded;
    return this.parts.messages.publish(name, options);
  }

  /** Delivers a signal to every instance waiting for it and every process starting with it. */
  async broadcastSignal(name: string, variables?: Record<string, unknown>): Promise<{ instanceIds: string[] }> {
    await this.loaded;
    return { instanceIds: await this.parts.deliveries.signal(name, checkVariables(variables)) };
  }

  /** Triggers a wait; false when it is gone already (another delivery won), or is a timer no longer armed for `due`. */
  async tryTrigger(instanceId: string, key: string, wait: number, variables: Record<string, unknown> = {}, due?: number): Promise<boolean> {
    return this.parts.deliveries.tryTrigger(instanceId, key, wait, variables, due);
  }

  /** `lockMs`: how long a run of this type holds its job (default: the engine's `jobLockMs`). */
  registerJobHandler(type: string, handler: JobHandler, options: { lockMs?: number } = {}): void {
    this.parts.jobsRunner.register(type, handler, options);
  }

  /** The job types this engine has handlers for. */
  jobTypes(): string[] {
    return this.parts.jobsRunner.types();
  }

  /**
   * Runs one pending job with this engine's handler (a worker process calls it for each
   * delivery). Harmless when delivered twice: a job held by another worker, or done already,
   * is 'skipped' or 'stale'.
   */
  async runJob(jobId: string): Promise<RunOutcome> {
    await this.loaded;
    return this.parts.jobsRunner.run(jobId);
  }

  /** Fires a timer a queue delivered; false when it was withdrawn or re-armed for another instant meanwhile. */
  async fireTimer(timer: QueuedTimer): Promise<boolean> {
    await this.loaded;
    return this.tryTrigger(timer.instanceId, timer.key, timer.wait, {}, timer.due);
  }

  /** External workers (as in Zeebe): lock up to `max` jobs of a type for `lockMs` (default: the type's lock, else `jobLockMs`). */
  async activateJobs(type: string, options: { max?: number; lockMs?: number; worker?: string } = {}): Promise<Job[]> {
    return this.parts.jobsRunner.activate(type, options);
  }

  async completeJob(jobId: string, variables?: Record<string, unknown>): Promise<void> {
    await this.parts.jobsRunner.settle(jobId, (key) => ({ type: 'complete', key, variables: checkVariables(variables) }));
  }

  /** Reports a failed job: with retries left it goes back to workers after `backoffMs` (default 0); with none, an incident. */
  async failJob(jobId: string, options: { retries: number; message: string; backoffMs?: number }): Promise<void> {
    const backoff = options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs };
    await this.parts.jobsRunner.settle(jobId, (key) => ({ type: 'fail', key, retries: options.retries, message: options.message, ...backoff }));
  }

  async throwJobError(jobId: string, code: string, message?: string, variables?: Record<string, unknown>): Promise<void> {
    await this.parts.jobsRunner.settle(jobId, (key) => ({ type: 'throwError', key, code, message, variables: checkVariables(variables) }));
  }

  /** Moves running instances of one version to another where their elements map (see deploy/instance-migration.ts); `by` is written in each history. */
  async migrateInstances(from: VersionRef, to: VersionRef, mapping: ElementMapping = {}, options: { by?: string } = {}): Promise<MigrationReport> {
    return migrateInstances({ store: this.store, deployments: this.parts.deployments, execute: (id, command) => this.execute(id, command) }, from, to, mapping, options.by);
  }

  /** Which running instances `migrateInstances` would move with this mapping, and why the others would stay; moves nothing. */
  async previewMigration(from: VersionRef, to: VersionRef, mapping: ElementMapping = {}): Promise<MigrationReport> {
    return migrateInstances({ store: this.store, deployments: this.parts.deployments }, from, to, mapping);
  }

  /** Sets variables on the instance from outside its model (a `variablesSet` event, with the operator `by`, when told). */
  async setVariables(instanceId: string, variables: Record<string, unknown>, options: { by?: string } = {}): Promise<void> {
    await this.execute(instanceId, { type: 'setVariables', variables: checkVariables(variables), ...(options.by ? { by: options.by } : {}) });
  }

  async cancel(instanceId: string): Promise<void> {
    await this.execute(instanceId, { type: 'cancel' });
  }

  async incidents(instanceId?: string): Promise<Incident[]> {
    const states = instanceId ? [(await this.store.load(instanceId))?.state].filter((s) => s !== undefined) : await this.store.instances({ status: 'active' });
    return states.flatMap((state) => describeInstance(state).incidents);
  }

  /** The operator fixed the cause: a job goes back to workers with `retries` (default 1); `by` is written in the history. */
  async resolveIncident(instanceId: string, key: string, options: { retries?: number; by?: string } = {}): Promise<void> {
    await this.execute(instanceId, { type: 'resolveIncident', key, retries: options.retries, ...(options.by ? { by: options.by } : {}) });
  }

  /** The instance's stored history, with the hash chain. */
  async history(instanceId: string): Promise<StoredEvent[]> {
    return this.store.history(instanceId);
  }

  /**
   * Checks the hash chain, that replaying the history gives the stored snapshot, and, when the
   * engine seals heads or a `verifier` of public keys is given, the seals: `seals.sealedThrough`
   * is the last event a valid seal covers. `ok` is false when any of them fails.
   */
  async verify(instanceId: string, options: { verifier?: SealVerifier } = {}): Promise<ChainCheck & { replayMatches: boolean; seals?: SealCheck }> {
    await this.parts.sealing?.flush();
    const events = await this.store.history(instanceId);
    const loaded = await this.store.load(instanceId);
    const check = verifyChain(events);
    const replayed = replayEvents(events, instanceId);
    const replayMatches = JSON.stringify(replayed) === JSON.stringify(loaded?.state);
    const verifier = options.verifier ?? this.parts.sealer?.verifier();
    if (!verifier) return { ...check, replayMatches };
    const seals = checkSeals(instanceId, events, await this.store.seals(instanceId), verifier);
    return { ...check, ok: check.ok && seals.ok, ...(check.ok && !seals.ok ? { reason: seals.reason } : {}), replayMatches, seals };
  }

  /** Rebuilds state from history; pass a prefix for the state at that moment. Pure. */
  replay(events: readonly HistoryEvent[], instanceId = ''): InstanceState {
    return replayEvents(events, instanceId);
  }

  /** Moves a virtual clock forward, firing every timer that falls due on the way, in order. */
  async advanceTime(ms: number): Promise<void> {
    await this.parts.scheduler.advance(ms);
  }

  /** Resolves when no job handler, effect or timer firing is in flight. */
  async idle(): Promise<void> {
    await this.loaded;
    await this.parts.work.idle();
    await this.parts.sealing?.flush();
  }

  /**
   * Waits for the background work of these instances alone: their effects, jobs run here and
   * the children they call (and theirs), not any other instance's. A request waits with it for
   * what it caused, so a job that hangs elsewhere delays it not. Throws that work's first failure.
   */
  async idleFor(instanceIds: readonly string[]): Promise<void> {
    await this.loaded;
    await this.parts.work.idleFor(instanceIds);
  }

  /** Stops the scheduler and the outbox sweep, waits for background work, then closes the queue (if any) and the store. */
  async close(): Promise<void> {
    this.parts.scheduler.stop();
    this.parts.outbox.stop();
    await this.parts.work.idle().catch(() => undefined);
    await this.parts.sealing?.flush();
    await this.parts.queue?.close();
    await this.store.close();
  }

  /**
   * Follows instances from outside (the case server does): each effect committed while it
   * is subscribed, of the given `types` (default: every type), in order, at least once (again
   * after a crash, from the outbox). Naming the types keeps the others out of the outbox.
   * Returns a function that stops it. EFFECT_TYPE_UNKNOWN: `types` is empty or names a type
   * no effect has (EFFECT_TYPES lists them).
   */
  subscribe(listener: EffectListener, options: FollowOptions = {}): () => void {
    return this.parts.effects.subscribe(listener, options);
  }

  /**
   * Commits a command (see CommandPath), then carries out its effects in the background.
   * Returns the committed state. `check` refuses a command the state does not allow;
   * `takesMessage`, the buffered message the commit takes (MESSAGE_TAKEN when it is gone).
   */
  async execute(instanceId: string, command: Command, check?: CommandCheck, takesMessage?: MessageTake): Promise<InstanceState> {
    await this.loaded;
    const committed = await this.parts.commands.run(instanceId, command, check, takesMessage);
    this.parts.effects.afterCommit(instanceId, committed);
    return committed.state;
  }
}

/** Refuses to complete an item that is not waiting for a user task (a job, or a task closed since). */
function openTask(state: InstanceState, key: string): void {
  if (!state.items[key]?.waits?.some((wait) => wait?.k === 'task')) {
    throw new EngineError('NOT_WAITING', `instance ${state.id} has no open user task ${key}`, { instanceId: state.id, key });
  }
}

export function createEngine(options: EngineOptions = {}): Engine {
  return new Engine(options);
}
