import { EngineError } from '../errors.js';
import type { Clock } from '../clock/index.js';
import type { WorkingCalendar } from '../calendar/types.js';
import type { Command } from '../runtime/commands.js';
import type { Effect } from '../runtime/effects.js';
import type { InstanceState } from '../runtime/state.js';
import { emptyState } from '../runtime/events.js';
import { advance } from '../runtime/step.js';
import { chain, GENESIS } from '../history/chain.js';
import type { HistoryHash } from '../history/chain.js';
import type { HeadSealing } from '../history/sealing.js';
import type { EngineStore, LoadedInstance } from '../store/types.js';
import { INSTANCE_ID_PATTERN } from '../store/projections.js';
import type { MessageTake } from '../store/start-timers-and-messages.js';
import type { Deployments } from '../deploy/deployments.js';

/** How often a command is tried again on a fresh state after losing a race to another process. */
const CONFLICT_RETRIES = 5;

/** What one command committed: the instance after it, the step's effects, and those of them to carry out (its outbox). */
export interface Committed {
  state: InstanceState;
  effects: Effect[];
  outbox: Effect[];
}

export interface CommandPathParts {
  store: EngineStore;
  clock: Clock;
  calendar: WorkingCalendar;
  deployments: Deployments;
  /** Whether an effect is carried out after its commit, and so goes to the outbox (EffectDispatcher.carries). */
  carries(effect: Effect): boolean;
  /** The digest events are chained with (default SHA-256). */
  historyHash?: HistoryHash;
  /** Told of each commit's new chain head, when heads are sealed. */
  sealing?: HeadSealing;
}

/**
 * A new instance's id must be usable in a URL path as it is, inside the ids of its tasks and
 * jobs (see ITEM_SEPARATOR): an embedder's `newId` that makes another is refused at the start.
 */
function checkInstanceId(instanceId: string): void {
  if (!INSTANCE_ID_PATTERN.test(instanceId)) {
    throw new EngineError('INSTANCE_ID_INVALID', `instance id ${JSON.stringify(instanceId)} is not 1 to 200 of A-Z a-z 0-9 . _ -`, { instanceId });
  }
}

/** Refuses a command the loaded state does not allow, before the step (throws an EngineError). */
export type CommandCheck = (state: InstanceState) => void;

/**
 * The write path: load, step, commit, one command per instance at a time in this process
 * (other processes are held off by the commit's version check). Carries nothing out: the
 * caller hands the committed effects on.
 */
export class CommandPath {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly parts: CommandPathParts) {}

  /**
   * Commits one command. When another process committed to the instance meanwhile
   * (CONFLICT), the command is tried again on the fresh state, where it is checked anew: a
   * task completed by someone else is then reported as such. `takesMessage`: the buffered
   * message the commit takes with it (see Commit); MESSAGE_TAKEN when it is gone.
   */
  async run(instanceId: string, command: Command, check?: CommandCheck, takesMessage?: MessageTake): Promise<Committed> {
    return this.serialized(instanceId, () => this.commitWithRetry(instanceId, command, check, takesMessage));
  }

  /**
   * Steps and commits until it commits. The first attempt may start from what this process
   * last committed (the store's `recent`) or, for a start, from nothing, without a read: the
   * commit's version check refuses either when it is out of date, and a command refused on
   * such a state is tried on a fresh load before the refusal counts. After a CONFLICT every
   * attempt starts from a fresh load. MESSAGE_TAKEN is never tried again: the message is gone.
   */
  private async commitWithRetry(instanceId: string, command: Command, check?: CommandCheck, takesMessage?: MessageTake): Promise<Committed> {
    const { store } = this.parts;
    for (let attempt = 1; ; attempt++) {
      // undefined: load it; null: a new instance.
      const quick = attempt > 1 ? undefined : command.type === 'start' ? null : store.recent?.(instanceId);
      const loaded = quick === undefined ? await store.load(instanceId) : quick ?? undefined;
      try {
        return await this.stepAndCommit(instanceId, command, loaded, check, takesMessage);
      } catch (err) {
        if (!(err instanceof EngineError) || err.code === 'MESSAGE_TAKEN') throw err;
        const retry = err.code === 'CONFLICT' ? attempt < CONFLICT_RETRIES : quick !== undefined;
        if (!retry) throw err;
      }
    }
  }

  private async stepAndCommit(instanceId: string, command: Command, loaded: LoadedInstance | undefined, check?: CommandCheck, takesMessage?: MessageTake): Promise<Committed> {
    if (command.type === 'start') checkInstanceId(instanceId);
    if (!loaded && command.type !== 'start') throw new EngineError('INSTANCE_NOT_FOUND', `no process instance ${instanceId}`, { instanceId });
    if (loaded && command.type === 'start') throw new EngineError('INSTANCE_EXISTS', `instance ${instanceId} exists already`, { instanceId });
    const state = loaded?.state ?? emptyState(instanceId);
    check?.(state);
    const { store, clock, calendar, deployments } = this.parts;
    const definitionKey = command.type === 'start' || command.type === 'migrate' ? command.definitionKey : state.definitionKey;
    await deployments.sync(definitionKey);
    const definition = deployments.process(definitionKey);
    // The loaded state is this call's own copy (a parse of the stored text): stepped in place.
    const result = advance(state, command, { now: clock.now(), definition, zone: calendar.timeZone, calendar });
    const events = chain(loaded?.lastHash ?? GENESIS, result.events, this.parts.historyHash);
    const outbox = result.effects.filter((effect) => this.parts.carries(effect));
    await store.commit({ instanceId, expectedVersion: loaded?.version ?? 0, state: result.state, events, effects: result.effects, outbox, ...(takesMessage ? { takesMessage } : {}) });
    const head = events.at(-1);
    if (head) this.parts.sealing?.note(instanceId, head);
    return { state: result.state, effects: result.effects, outbox };
  }

  /** Runs `work` after every earlier command on the instance in this process has settled. */
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
}
