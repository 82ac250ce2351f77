import type { Command } from '../runtime/commands.js';
import type { EngineStore } from '../store/types.js';
import type { StartEvents, StartRef } from '../deploy/start-events.js';
import { EngineError } from '../errors.js';
import { isStale } from '../commands/stale.js';
import type { MessageTake } from '../store/start-timers-and-messages.js';

/** What became of a trigger: done, refused because the wait is gone, or refused because its message is. */
export type TriggerOutcome = 'triggered' | 'gone' | 'taken';

export interface DeliveriesParts {
  store: EngineStore;
  startEvents: StartEvents;
  newId: () => string;
  /** Commits a command and carries out its effects (Engine.execute); `takesMessage`: see Commit. */
  execute: (instanceId: string, command: Command, takesMessage?: MessageTake) => Promise<unknown>;
  /** Starts an instance at a given start event of a deployed version. */
  startAt: (definitionKey: string, id: string, command: Partial<Extract<Command, { type: 'start' }>>) => Promise<void>;
}

/**
 * Where messages and signals go: to waiting subscriptions (a message to the oldest one that
 * still waits, a signal to all), else to processes that start with them.
 */
export class Deliveries {
  constructor(private readonly parts: DeliveriesParts) {}

  /** Ids of the instances a message reached: the one it triggered, or those it started. */
  async message(name: string, correlationKey: string | undefined, variables: Record<string, unknown>): Promise<string[]> {
    const subs = (await this.parts.store.messageSubscriptions(name, correlationKey)).sort((a, b) => a.createdSeq - b.createdSeq);
    for (const sub of subs) if (await this.tryTrigger(sub.instanceId, sub.key, sub.wait, variables)) return [sub.instanceId];
    const started: string[] = [];
    for (const start of this.parts.startEvents.byMessage(name)) started.push(await this.startFrom(start, variables));
    return started;
  }

  /** Ids of the instances a signal reached: every waiting one, and those it started. */
  async signal(name: string, variables: Record<string, unknown>): Promise<string[]> {
    const reached: string[] = [];
    for (const sub of await this.parts.store.signalSubscriptions(name)) {
      if (await this.tryTrigger(sub.instanceId, sub.key, sub.wait, variables)) reached.push(sub.instanceId);
    }
    for (const start of this.parts.startEvents.bySignal(name)) reached.push(await this.startFrom(start, variables));
    return reached;
  }

  /** Starts a new instance at a start event; returns its id. */
  async startFrom(start: StartRef, variables: Record<string, unknown>): Promise<string> {
    const id = this.parts.newId();
    await this.parts.startAt(start.definitionKey, id, { startEvent: start.startEvent, variables });
    return id;
  }

  /** Starts an instance with a given id at a start event; false when that instance exists already (started by another process, or before a crash). */
  async startOnce(start: StartRef, id: string): Promise<boolean> {
    try {
      await this.parts.startAt(start.definitionKey, id, { startEvent: start.startEvent, variables: {} });
      return true;
    } catch (err) {
      if (err instanceof EngineError && err.code === 'INSTANCE_EXISTS') return false;
      throw err;
    }
  }

  /** Triggers a wait; false when it is gone already (another delivery won), or is a timer no longer armed for `due`. */
  async tryTrigger(instanceId: string, key: string, wait: number, variables: Record<string, unknown> = {}, due?: number): Promise<boolean> {
    return (await this.trigger(instanceId, key, wait, variables, { due })) === 'triggered';
  }

  /**
   * Triggers a wait, taking a buffered message in the same commit when `takesMessage` is
   * given. 'gone': the wait is gone already (or a timer no longer armed for `due`); 'taken':
   * the message is gone (another wait took it, or it expired). Either way nothing was written.
   */
  async trigger(instanceId: string, key: string, wait: number, variables: Record<string, unknown>, guard: { due?: number; takesMessage?: MessageTake } = {}): Promise<TriggerOutcome> {
    const { due, takesMessage } = guard;
    try {
      await this.parts.execute(instanceId, { type: 'trigger', key, wait, variables, ...(due === undefined ? {} : { due }) }, takesMessage);
      return 'triggered';
    } catch (err) {
      if (isStale(err)) return 'gone';
      if (err instanceof EngineError && err.code === 'MESSAGE_TAKEN') return 'taken';
      throw err;
    }
  }
}
