import { randomUUID } from 'node:crypto';
import type { Clock } from './clock/index.js';
import { isVirtual, systemClock } from './clock/index.js';
import type { WorkingCalendar } from './calendar/types.js';
import { weekdayCalendar } from './calendar/weekdays.js';
import { timeZone } from './calendar/time-zone.js';
import { EngineError } from './errors.js';
import type { Command } from './runtime/commands.js';
import type { InstanceState } from './runtime/state.js';
import { MemoryStore } from './store/memory.js';
import type { EngineStore } from './store/types.js';
import type { MessageTake } from './store/start-timers-and-messages.js';
import { Deployments } from './deploy/deployments.js';
import { Work } from './effects/work.js';
import { silentLogger } from './logger.js';
import { DEFAULT_SEAL_EVERY_MS, HeadSealing } from './history/sealing.js';
import type { HistorySealer } from './history/seals.js';
import { HISTORY_HASHES } from './history/chain.js';
import { exponentialBackoff, JobRunner } from './jobs/job-runner.js';
import { DEFAULT_JOB_LOCK_MS, JobLocks } from './jobs/job-locks.js';
import { Scheduler } from './timers/scheduler.js';
import { HandOut } from './effects/hand-out.js';
import type { EngineQueue } from './queue/types.js';
import { StartEvents } from './deploy/start-events.js';
import { MessageBuffer } from './delivery/message-buffer.js';
import { CommandPath } from './commands/command-path.js';
import type { CommandCheck } from './commands/command-path.js';
import { EffectDispatcher } from './effects/effect-dispatcher.js';
import { Deliveries } from './delivery/deliveries.js';
import { OutboxSweep, outboxTiming } from './effects/outbox-sweep.js';
import type { EngineOptions } from './options.js';

/** Everything behind the Engine facade, wired once. */
export interface EngineParts {
  store: EngineStore;
  clock: Clock;
  calendar: WorkingCalendar;
  queue: EngineQueue | undefined;
  newId: () => string;
  deployments: Deployments;
  work: Work;
  jobsRunner: JobRunner;
  startEvents: StartEvents;
  deliveries: Deliveries;
  messages: MessageBuffer;
  scheduler: Scheduler;
  handOut: HandOut;
  commands: CommandPath;
  effects: EffectDispatcher;
  outbox: OutboxSweep;
  /** Present when the engine seals chain heads (`historySealer`). */
  sealing: HeadSealing | undefined;
  sealer: HistorySealer | undefined;
}

/**
 * What the parts call back on the facade (the Engine passes itself), so that every command goes
 * through one path and its effects are carried out. An interface rather than the Engine class:
 * the parts stand below the facade and never import it.
 */
export interface FacadeCalls {
  /** Commits a command (see CommandPath), then carries out its effects in the background. */
  execute(instanceId: string, command: Command, check?: CommandCheck, takesMessage?: MessageTake): Promise<InstanceState>;
  /** Starts an instance at a given start event (message, signal, timer start, or a child). */
  startAt(definitionKey: string, id: string, command: Partial<Extract<Command, { type: 'start' }>>): Promise<void>;
  /** Resolves when no job handler, effect or timer firing is in flight. */
  idle(): Promise<void>;
}

/** The composition root: builds the engine's parts from its options, wired to call back on `engine`. */
export function assemble(engine: FacadeCalls, options: EngineOptions): EngineParts {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? systemClock;
  const calendar = calendarOf(options);
  const newId = options.newId ?? randomUUID;
  const { queue } = options;
  const worker = options.workerName ?? `engine-${randomUUID()}`;
  const deployments = new Deployments(store);
  const logger = options.logger ?? silentLogger;
  const work = new Work(logger);
  const locks = new JobLocks({ store, clock, worker, lockMs: options.jobLockMs ?? DEFAULT_JOB_LOCK_MS });
  const execute = (instanceId: string, command: Command) => engine.execute(instanceId, command);
  const jobsRunner = new JobRunner({ store, clock, execute }, options.jobHandlers ?? {}, { backoff: options.retryBackoff ?? exponentialBackoff, locks, logger });
  const startEvents = new StartEvents(deployments, calendar, store);
  const deliveries = new Deliveries({
    store, startEvents, newId, execute: (instanceId, command, takesMessage) => engine.execute(instanceId, command, undefined, takesMessage),
    startAt: (key, id, command) => engine.startAt(key, id, command),
  });
  const messages = new MessageBuffer({
    store, clock, newId, thrownTimeToLiveMs: options.messageTimeToLiveMs,
    deliver: (name, key, variables) => deliveries.message(name, key, variables),
    trigger: (id, key, wait, variables, takesMessage) => deliveries.trigger(id, key, wait, variables, { takesMessage }),
  });
  const scheduler = new Scheduler({
    store, clock, idle: () => engine.idle(),
    trigger: (instanceId, key, wait) => deliveries.tryTrigger(instanceId, key, wait),
  }, startEvents, (ref, id) => deliveries.startOnce(ref, id), options.autoTimers ?? !isVirtual(clock), !queue);
  const handOut = new HandOut({ store, clock, work, runner: jobsRunner, scheduler, queue });
  const effects = new EffectDispatcher({
    store, work, handOut, deliveries, messages, execute,
    startChild: (processId, childId, command) => engine.startAt(deployments.resolve(processId).key, childId, command),
  });
  const sealer = options.historySealer;
  const sealing = sealer && new HeadSealing({ store, clock, sealer, everyMs: options.sealEveryMs ?? DEFAULT_SEAL_EVERY_MS, logger });
  const historyHash = options.historyHash ?? 'sha256';
  if (!HISTORY_HASHES.includes(historyHash)) {
    throw new EngineError('HISTORY_HASH_INVALID', `historyHash "${String(historyHash)}" is not one the engine chains with; use ${HISTORY_HASHES.join(' or ')}`, { historyHash });
  }
  const commands = new CommandPath({ store, clock, calendar, deployments, carries: (effect) => effects.carries(effect), historyHash, sealing });
  const outbox = new OutboxSweep({ store, clock, work, effects, owner: worker }, outboxTiming(clock, options.outbox));
  return { store, clock, calendar, queue, newId, deployments, work, jobsRunner, startEvents, deliveries, messages, scheduler, handOut, commands, effects, outbox, sealing, sealer };
}

/**
 * The working calendar, in the engine's zone: the one given (whose zone the engine takes, unless
 * `timeZone` names another, which is refused: days and dates would be read on two clocks), or
 * Monday to Friday in `timeZone` (default UTC).
 * @throws EngineError TIME_ZONE_INVALID for an unknown zone, or one the calendar does not keep.
 */
function calendarOf(options: EngineOptions): WorkingCalendar {
  const zone = options.timeZone === undefined ? undefined : timeZone(options.timeZone);
  if (!options.calendar) return weekdayCalendar([], zone);
  if (zone && zone.id !== options.calendar.timeZone.id) {
    throw new EngineError('TIME_ZONE_INVALID', `timeZone is ${zone.id} but the calendar given keeps its days in ${options.calendar.timeZone.id}; give the calendar in ${zone.id}, or leave timeZone out`, {
      timeZone: zone.id, calendarTimeZone: options.calendar.timeZone.id,
    });
  }
  return options.calendar;
}
