import { randomUUID } from 'node:crypto';
import { EngineError } from './errors.js';
import type { Clock } from './clock/index.js';
import { isVirtual, systemClock } from './clock/index.js';
import type { WorkingCalendar } from './calendar/types.js';
import { chineseDaysCalendar } from './calendar/chinese-days.js';
import type { Command } from './runtime/commands.js';
import type { Effect } from './runtime/effects.js';
import type { InstanceState } from './runtime/state.js';
import { emptyState, replay as replayEvents } from './runtime/events.js';
import type { HistoryEvent } from './runtime/events.js';
import { advance } from './runtime/step.js';
import { chain, GENESIS, verifyChain } from './history/chain.js';
import type { ChainCheck, StoredEvent } from './history/chain.js';
import { MemoryStore } from './store/memory.js';
import type { EngineStore, LoadedInstance, OpenTask, TaskQuery } from './store/types.js';
import { splitItemId } from './store/projections.js';
import { Deployments } from './deployments.js';
import type { Deployment } from './deployments.js';
import type { Job, JobHandler } from './jobs.js';
import { checkVariables } from './variables-check.js';
import { Work } from './work.js';
import { exponentialBackoff, JobRunner } from './job-runner.js';
import type { RunOutcome } from './job-runner.js';
import { Scheduler } from './scheduler.js';
import { HandOut } from './hand-out.js';
import type { EngineQueue, QueuedTimer } from './queue/types.js';
import { describeInstance } from './instance-view.js';
import type { InstanceView, Incident } from './instance-view.js';
import { StartEvents } from './start-events.js';
import { planMigration } from './runtime/migration.js';
import type { ElementMapping } from './runtime/migration.js';

/** Told of every effect a commit produced; `state` is the instance right after that commit. */
export type EffectListener = (instanceId: string, effect: Effect, state: InstanceState) => Promise<void> | void;

export interface VersionRef {
  processId: string;
  version: number;
}

export interface MigrationReport {
  migrated: string[];
  refused: Array<{ instanceId: string; reasons: string[] }>;
}

export interface EngineOptions {
  store?: EngineStore;
  clock?: Clock;
  calendar?: WorkingCalendar;
  jobHandlers?: Record<string, JobHandler>;
  /** Instance ids; random UUIDs unless given (tests pass a counter). */
  newId?: () => string;
  /** Fire due timers by itself (default: yes with the system clock, no with a virtual one). */
  autoTimers?: boolean;
  /** Server mode: jobs and timers go to this queue for worker processes (see engine/queue/). Without it, they run in-process. */
  queue?: EngineQueue;
  /** Wait before a failed handler's job runs again, from its failures so far (default: 1 s, 2 s, 4 s … at most 10 min). */
  retryBackoff?: (failures: number) => number;
  /** The name this engine locks jobs under in server mode (default: a random one). */
  workerName?: string;
}

/** How often a command is tried again on a fresh state after losing a race to another process. */
const CONFLICT_RETRIES = 5;

/** Errors that only mean a redelivered or late result found the work already done: harmless. */
const STALE = new Set(['NOT_WAITING', 'ELEMENT_INSTANCE_NOT_FOUND', 'INSTANCE_ENDED', 'WAIT_GONE', 'INSTANCE_NOT_FOUND']);

/**
 * The embeddable engine: deploys definitions, runs instances through the pure step function,
 * commits each step to its store and carries out the effects (jobs, timers, messages, child
 * instances). One command per instance at a time; many instances at once.
 */
export class Engine {
  readonly store: EngineStore;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  private readonly deployments: Deployments;
  private readonly work = new Work();
  private readonly jobsRunner: JobRunner;
  private readonly scheduler: Scheduler;
  private readonly handOut: HandOut;
  private readonly queue: EngineQueue | undefined;
  private readonly startEvents: StartEvents;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly listeners: EffectListener[] = [];
  private readonly newId: () => string;
  private readonly loaded: Promise<void>;

  constructor(options: EngineOptions = {}) {
    this.store = options.store ?? new MemoryStore();
    this.clock = options.clock ?? systemClock;
    this.calendar = options.calendar ?? chineseDaysCalendar();
    this.newId = options.newId ?? randomUUID;
    this.deployments = new Deployments(this.store);
    this.queue = options.queue;
    this.jobsRunner = new JobRunner(this, options.jobHandlers ?? {}, {
      backoff: options.retryBackoff ?? exponentialBackoff, lock: this.queue !== undefined, worker: options.workerName ?? `engine-${randomUUID()}`,
    });
    this.startEvents = new StartEvents(this.deployments, this.calendar);
    this.scheduler = new Scheduler(this, this.startEvents, (ref) => this.startFrom(ref, {}), options.autoTimers ?? !isVirtual(this.clock), !this.queue);
    this.handOut = new HandOut({ store: this.store, clock: this.clock, work: this.work, runner: this.jobsRunner, scheduler: this.scheduler, queue: this.queue });
    this.loaded = this.open();
    this.loaded.catch(() => undefined);
  }

  /** Migrates the store, recompiles what it holds, carries out effects a crash left behind and picks up pending jobs. */
  private async open(): Promise<void> {
    await this.store.init?.();
    await this.deployments.load();
    this.startEvents.refresh(this.clock.now());
    const pending = await this.store.pendingEffects();
    this.work.track((async () => {
      for (const { instanceId, effect } of pending) {
        const loaded = await this.store.load(instanceId);
        if (loaded) await this.carryOutOne(instanceId, loaded.state, effect);
        await this.store.effectsDone([effect.id]);
      }
      await this.handOut.recover();
    })());
  }

  /** Compiles and stores a BPMN file; refuses it with a ModelError listing every problem. */
  async deploy(xml: string, options: { name?: string } = {}): Promise<Deployment> {
    await this.loaded;
    const deployment = await this.deployments.deploy(xml, options.name ?? 'definitions.bpmn', this.clock.now());
    this.startEvents.refresh(this.clock.now());
    this.scheduler.wake();
    return deployment;
  }

  /** Starts an instance of the newest (or the given) version of a process at its none start event. */
  async start(processId: string, variables?: Record<string, unknown>, options: { version?: number; businessKey?: string } = {}): Promise<InstanceView> {
    await this.loaded;
    await this.deployments.sync();
    const { key } = this.deployments.resolve(processId, options.version);
    const id = this.newId();
    const state = await this.execute(id, { type: 'start', processId, definitionKey: key, variables: checkVariables(variables), businessKey: options.businessKey });
    return describeInstance(state);
  }

  /** Starts an instance at a given start event (message, signal, timer start, or a child). */
  async startAt(definitionKey: string, id: string, command: Partial<Extract<Command, { type: 'start' }>>): Promise<void> {
    const process = this.deployments.process(definitionKey);
    await this.execute(id, { type: 'start', processId: process.id, definitionKey, ...command });
  }

  async instance(id: string): Promise<InstanceView | undefined> {
    const loaded = await this.store.load(id);
    return loaded ? describeInstance(loaded.state) : undefined;
  }

  async tasks(query: TaskQuery = {}): Promise<OpenTask[]> {
    return this.store.tasks(query);
  }

  /** Completes a user task. Errors: TASK_NOT_FOUND, TASK_ALREADY_COMPLETED, VARIABLES_INVALID, CONFLICT. */
  async completeTask(taskId: string, variables?: Record<string, unknown>): Promise<void> {
    const checked = checkVariables(variables);
    // The task id names its instance and item: the step itself finds out whether the task is open.
    const item = splitItemId(taskId);
    try {
      if (!item) throw new EngineError('INSTANCE_NOT_FOUND', `no task ${taskId}`, { taskId });
      await this.execute(item.instanceId, { type: 'complete', key: item.key, variables: checked }, (state) => openTask(state, item.key));
    } catch (err) {
      if (!(err instanceof EngineError && STALE.has(err.code))) throw err;
      if (await this.store.taskExisted(taskId)) throw new EngineError('TASK_ALREADY_COMPLETED', `task ${taskId} is already completed (or was cancelled)`, { taskId });
      throw new EngineError('TASK_NOT_FOUND', `no task ${taskId}`, { taskId });
    }
  }

  /** Correlates a message to one waiting subscription, else starts instances at message start events. */
  async correlateMessage(name: string, correlationKey?: string, variables?: Record<string, unknown>): Promise<{ instanceIds: string[] }> {
    await this.loaded;
    const checked = checkVariables(variables);
    const reached = await this.deliverMessage(name, correlationKey, checked);
    if (reached.length === 0) {
      throw new EngineError('MESSAGE_NOT_CORRELATED', `no instance waits for message "${name}"${correlationKey ? ` with correlation key "${correlationKey}"` : ''} and no process starts with it`, { name, correlationKey });
    }
    return { instanceIds: reached };
  }

  /** Delivers a signal to every instance waiting for it and every process starting with it. */
  async broadcastSignal(name: string, variables?: Record<string, unknown>): Promise<{ instanceIds: string[] }> {
    await this.loaded;
    const checked = checkVariables(variables);
    const reached: string[] = [];
    for (const sub of await this.store.signalSubscriptions(name)) {
      if (await this.tryTrigger(sub.instanceId, sub.key, sub.wait, checked)) reached.push(sub.instanceId);
    }
    for (const start of this.startEvents.bySignal(name)) reached.push(await this.startFrom(start, checked));
    return { instanceIds: reached };
  }

  private async deliverMessage(name: string, correlationKey: string | undefined, variables: Record<string, unknown>): Promise<string[]> {
    const subs = (await this.store.messageSubscriptions(name, correlationKey)).sort((a, b) => a.createdSeq - b.createdSeq);
    for (const sub of subs) if (await this.tryTrigger(sub.instanceId, sub.key, sub.wait, variables)) return [sub.instanceId];
    const started: string[] = [];
    for (const start of this.startEvents.byMessage(name)) started.push(await this.startFrom(start, variables));
    return started;
  }

  private async startFrom(start: { definitionKey: string; startEvent: string }, variables: Record<string, unknown>): Promise<string> {
    const id = this.newId();
    await this.startAt(start.definitionKey, id, { startEvent: start.startEvent, variables });
    return id;
  }

  /** Triggers a wait; false when it is gone already (another delivery won), or is a timer no longer armed for `due`. */
  async tryTrigger(instanceId: string, key: string, wait: number, variables: Record<string, unknown> = {}, due?: number): Promise<boolean> {
    try {
      await this.execute(instanceId, { type: 'trigger', key, wait, variables, ...(due === undefined ? {} : { due }) });
      return true;
    } catch (err) {
      if (err instanceof EngineError && STALE.has(err.code)) return false;
      throw err;
    }
  }

  registerJobHandler(type: string, handler: JobHandler): void {
    this.jobsRunner.register(type, handler);
  }

  /** The job types this engine has handlers for. */
  jobTypes(): string[] {
    return this.jobsRunner.types();
  }

  /**
   * Runs one pending job with this engine's handler (a worker process calls it for each
   * delivery). Harmless when delivered twice: a job held by another worker, or done already,
   * is 'skipped' or 'stale'.
   */
  async runJob(jobId: string): Promise<RunOutcome> {
    await this.loaded;
    return this.jobsRunner.run(jobId);
  }

  /** Fires a timer a queue delivered; false when it was withdrawn or re-armed for another instant meanwhile. */
  async fireTimer(timer: QueuedTimer): Promise<boolean> {
    await this.loaded;
    return this.tryTrigger(timer.instanceId, timer.key, timer.wait, {}, timer.due);
  }

  /** External workers (as in Zeebe): lock up to `max` jobs of a type for `lockMs`. */
  async activateJobs(type: string, options: { max?: number; lockMs?: number; worker?: string } = {}): Promise<Job[]> {
    return this.jobsRunner.activate(type, options);
  }

  async completeJob(jobId: string, variables?: Record<string, unknown>): Promise<void> {
    await this.jobsRunner.settle(jobId, (key) => ({ type: 'complete', key, variables: checkVariables(variables) }));
  }

  /** Reports a failed job: with retries left it goes back to workers after `backoffMs` (default 0); with none, an incident. */
  async failJob(jobId: string, options: { retries: number; message: string; backoffMs?: number }): Promise<void> {
    const backoff = options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs };
    await this.jobsRunner.settle(jobId, (key) => ({ type: 'fail', key, retries: options.retries, message: options.message, ...backoff }));
  }

  async throwJobError(jobId: string, code: string, message?: string, variables?: Record<string, unknown>): Promise<void> {
    await this.jobsRunner.settle(jobId, (key) => ({ type: 'throwError', key, code, message, variables: checkVariables(variables) }));
  }

  /**
   * Moves running instances of one version to another. Each instance moves only when every
   * element it is at (and every event it waits for) maps to an element of the same kind in
   * the same scope; the others stay and are listed with the reasons.
   */
  async migrateInstances(from: VersionRef, to: VersionRef, mapping: ElementMapping = {}): Promise<MigrationReport> {
    await this.deployments.sync();
    const source = this.deployments.resolve(from.processId, from.version);
    const target = this.deployments.resolve(to.processId, to.version);
    const report: MigrationReport = { migrated: [], refused: [] };
    for (const state of await this.store.instances({ status: 'active', processId: from.processId })) {
      if (state.definitionKey !== source.key) continue;
      const plan = planMigration(state, source.process, target.process, mapping);
      if (plan.reasons.length > 0) {
        report.refused.push({ instanceId: state.id, reasons: plan.reasons });
        continue;
      }
      await this.execute(state.id, { type: 'migrate', definitionKey: target.key, renames: plan.renames });
      report.migrated.push(state.id);
    }
    return report;
  }

  async setVariables(instanceId: string, variables: Record<string, unknown>): Promise<void> {
    await this.execute(instanceId, { type: 'setVariables', variables: checkVariables(variables) });
  }

  async cancel(instanceId: string): Promise<void> {
    await this.execute(instanceId, { type: 'cancel' });
  }

  async incidents(instanceId?: string): Promise<Incident[]> {
    const states = instanceId ? [(await this.store.load(instanceId))?.state].filter((s) => s !== undefined) : await this.store.instances({ status: 'active' });
    return states.flatMap((state) => describeInstance(state).incidents);
  }

  async resolveIncident(instanceId: string, key: string, options: { retries?: number } = {}): Promise<void> {
    await this.execute(instanceId, { type: 'resolveIncident', key, retries: options.retries });
  }

  /** The instance's stored history, with the hash chain. */
  async history(instanceId: string): Promise<StoredEvent[]> {
    return this.store.history(instanceId);
  }

  /** Checks the hash chain and that replaying the history gives the stored snapshot. */
  async verify(instanceId: string): Promise<ChainCheck & { replayMatches: boolean }> {
    const events = await this.store.history(instanceId);
    const loaded = await this.store.load(instanceId);
    const check = verifyChain(events);
    const replayed = replayEvents(events, instanceId);
    return { ...check, replayMatches: JSON.stringify(replayed) === JSON.stringify(loaded?.state) };
  }

  /** Rebuilds state from history; pass a prefix for the state at that moment. Pure. */
  replay(events: readonly HistoryEvent[], instanceId = ''): InstanceState {
    return replayEvents(events, instanceId);
  }

  /** Moves a virtual clock forward, firing every timer that falls due on the way, in order. */
  async advanceTime(ms: number): Promise<void> {
    await this.scheduler.advance(ms);
  }

  /** Resolves when no job handler, effect or timer firing is in flight. */
  async idle(): Promise<void> {
    await this.loaded;
    await this.work.idle();
  }

  /** Stops the scheduler, waits for background work, then closes the queue (if any) and the store. */
  async close(): Promise<void> {
    this.scheduler.stop();
    await this.work.idle().catch(() => undefined);
    await this.queue?.close();
    await this.store.close();
  }

  /**
   * Loads, steps, commits; then carries out the effects in the background. Returns the
   * committed state. When another process committed to the instance meanwhile (CONFLICT),
   * the command is tried again on the fresh state, where it is checked anew: a task completed
   * by someone else is then reported as such. `check` refuses a command the state does not
   * allow, before the step (it throws an EngineError).
   */
  async execute(instanceId: string, command: Command, check?: (state: InstanceState) => void): Promise<InstanceState> {
    await this.loaded;
    const outcome = await this.serialized(instanceId, () => this.commitWithRetry(instanceId, command, check));
    this.work.track(this.carryOut(instanceId, outcome));
    return outcome.state;
  }

  /**
   * Steps and commits until it commits. The first attempt may start from what this process
   * last committed (the store's `recent`) or, for a start, from nothing, without a read: the
   * commit's version check refuses either when it is out of date, and a command refused on
   * such a state is tried on a fresh load before the refusal counts. After a CONFLICT every
   * attempt starts from a fresh load.
   */
  private async commitWithRetry(instanceId: string, command: Command, check?: (state: InstanceState) => void): Promise<{ state: InstanceState; effects: Effect[] }> {
    for (let attempt = 1; ; attempt++) {
      // undefined: load it; null: a new instance.
      const quick = attempt > 1 ? undefined : command.type === 'start' ? null : this.store.recent?.(instanceId);
      const loaded = quick === undefined ? await this.store.load(instanceId) : quick ?? undefined;
      try {
        return await this.stepAndCommit(instanceId, command, loaded, check);
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
        const retry = err.code === 'CONFLICT' ? attempt < CONFLICT_RETRIES : quick !== undefined;
        if (!retry) throw err;
      }
    }
  }

  private async stepAndCommit(instanceId: string, command: Command, loaded: LoadedInstance | undefined, check?: (state: InstanceState) => void): Promise<{ state: InstanceState; effects: Effect[] }> {
    if (!loaded && command.type !== 'start') throw new EngineError('INSTANCE_NOT_FOUND', `no process instance ${instanceId}`, { instanceId });
    if (loaded && command.type === 'start') throw new EngineError('INSTANCE_EXISTS', `instance ${instanceId} exists already`, { instanceId });
    const state = loaded?.state ?? emptyState(instanceId);
    check?.(state);
    const definitionKey = command.type === 'start' || command.type === 'migrate' ? command.definitionKey : state.definitionKey;
    await this.deployments.sync(definitionKey);
    const definition = this.deployments.process(definitionKey);
    // The loaded state is this call's own copy (a parse of the stored text): stepped in place.
    const result = advance(state, command, { now: this.clock.now(), definition, calendar: this.calendar });
    const events = chain(loaded?.lastHash ?? GENESIS, result.events);
    await this.store.commit({ instanceId, expectedVersion: loaded?.version ?? 0, state: result.state, events, effects: result.effects });
    return { state: result.state, effects: result.effects };
  }

  private async serialized<T>(instanceId: string, work: () => Promise<T>): Promise<T> {
    const before = this.locks.get(instanceId);
    const run = before ? before.catch(() => undefined).then(work) : work();
    this.locks.set(instanceId, run);
    try {
      return await run;
    } finally {
      if (this.locks.get(instanceId) === run) this.locks.delete(instanceId);
    }
  }

  /** A child that cannot start (unknown process, bad variables) is an incident on the call activity. */
  private async startChild(instanceId: string, effect: Extract<Effect, { type: 'child.started' }>): Promise<void> {
    try {
      const { key } = this.deployments.resolve(effect.processId);
      await this.startAt(key, effect.childId, { variables: effect.variables, parent: { instanceId, key: effect.key } });
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      await this.executeUnlessStale(instanceId, { type: 'incident', key: effect.key, code: err.code, message: err.message });
    }
  }

  /** Carries out a commit's effects in order, then marks them done. */
  private async carryOut(instanceId: string, outcome: { state: InstanceState; effects: Effect[] }): Promise<void> {
    for (const effect of outcome.effects) {
      const carrying = this.carryOutOne(instanceId, outcome.state, effect);
      if (carrying) await carrying;
    }
    await this.store.effectsDone(outcome.effects.map((e) => e.id));
  }

  /**
   * Follows instances from outside (the case server does): every committed effect, in order,
   * at least once (again after a crash, from the outbox). Returns a function that stops it.
   */
  subscribe(listener: EffectListener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  /** A command an effect asks for; harmless when the work is done already (a redelivered effect). */
  private async executeUnlessStale(instanceId: string, command: Command): Promise<void> {
    await this.execute(instanceId, command).catch(ignoreStale);
  }

  /**
   * Tells the listeners of one effect, then does what it asks of the engine. Undefined when
   * there is nothing to wait for: most effects only feed read models, and a step's
   * carrying-out then costs no promise per effect.
   */
  private carryOutOne(instanceId: string, state: InstanceState, effect: Effect): Promise<void> | undefined {
    if (this.listeners.length === 0) return this.actOn(instanceId, state, effect);
    return (async () => {
      for (const listener of this.listeners) await listener(instanceId, effect, state);
      await this.actOn(instanceId, state, effect);
    })();
  }

  private actOn(instanceId: string, state: InstanceState, effect: Effect): Promise<void> | undefined {
    switch (effect.type) {
      case 'job.created':
      case 'timer.scheduled':
      case 'timer.cancelled':
        return this.handOut.carryOut(instanceId, state, effect);
      case 'message.published':
        return this.deliverMessage(effect.name, effect.correlationKey, effect.variables).then(() => undefined);
      case 'signal.broadcast':
        return this.broadcastSignal(effect.name, effect.variables).then(() => undefined);
      case 'child.started':
        return this.startChild(instanceId, effect);
      case 'child.cancelled':
        return this.executeUnlessStale(effect.childId, { type: 'cancel' });
      case 'parent.completed':
        return this.executeUnlessStale(effect.parent.instanceId, { type: 'childEnded', key: effect.parent.key, variables: effect.variables });
      case 'parent.errored':
        return this.executeUnlessStale(effect.parent.instanceId, { type: 'childEnded', key: effect.parent.key, variables: effect.variables, error: { code: effect.code, message: effect.message } });
      default:
        return undefined;
    }
  }
}

/** Refuses to complete an item that is not waiting for a user task (a job, or a task closed since). */
function openTask(state: InstanceState, key: string): void {
  if (!state.items[key]?.waits?.some((wait) => wait?.k === 'task')) {
    throw new EngineError('NOT_WAITING', `instance ${state.id} has no open user task ${key}`, { instanceId: state.id, key });
  }
}

function ignoreStale(err: unknown): void {
  if (err instanceof EngineError && STALE.has(err.code)) return;
  throw err;
}

export function createEngine(options: EngineOptions = {}): Engine {
  return new Engine(options);
}
