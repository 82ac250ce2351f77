import { EngineError } from './errors.js';
import type { Command } from './runtime/commands.js';
import type { Effect } from './runtime/effects.js';
import type { InstanceState } from './runtime/state.js';
import type { EngineStore } from './store/types.js';
import type { HandOut } from './hand-out.js';
import type { Work } from './work.js';
import type { Committed } from './command-path.js';
import { ignoreStale } from './stale.js';
import type { Deliveries } from './deliveries.js';
import type { MessageBuffer } from './message-buffer.js';

/** Told of every effect a commit produced; `state` is the instance right after that commit. */
export type EffectListener = (instanceId: string, effect: Effect, state: InstanceState) => Promise<void> | void;

export interface EffectDispatcherParts {
  store: EngineStore;
  work: Work;
  handOut: HandOut;
  deliveries: Pick<Deliveries, 'message' | 'signal'>;
  /** Thrown messages go through the buffer; an opened wait takes a buffered message. */
  messages: Pick<MessageBuffer, 'publishThrown' | 'onSubscribed'>;
  /** Commits a command and carries out its effects (Engine.execute). */
  execute(instanceId: string, command: Command): Promise<unknown>;
  /** Starts a child instance of the newest version of `processId`. */
  startChild(processId: string, childId: string, command: Partial<Extract<Command, { type: 'start' }>>): Promise<void>;
}

/**
 * Carries out committed effects: tells the listeners, then does what each asks (hands out
 * jobs and timers, delivers messages and signals, starts and ends child instances), then
 * marks them done in the outbox.
 */
export class EffectDispatcher {
  private readonly listeners: EffectListener[] = [];

  constructor(private readonly parts: EffectDispatcherParts) {}

  /** See Engine.subscribe. Returns a function that stops it. */
  subscribe(listener: EffectListener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  /** Carries out a fresh commit's effects in the background (`idle()` waits for them). */
  afterCommit(instanceId: string, committed: Committed): void {
    this.parts.work.track(this.carryOut(instanceId, committed));
  }

  /** Carries out a commit's effects in order, then marks them done. */
  async carryOut(instanceId: string, committed: Committed): Promise<void> {
    for (const effect of committed.effects) {
      const carrying = this.carryOutOne(instanceId, committed.state, effect);
      if (carrying) await carrying;
    }
    await this.parts.store.effectsDone(committed.effects.map((e) => e.id));
  }

  /**
   * Tells the listeners of one effect, then does what it asks of the engine. Undefined when
   * there is nothing to wait for: most effects only feed read models, and a step's
   * carrying-out then costs no promise per effect.
   */
  carryOutOne(instanceId: string, state: InstanceState, effect: Effect): Promise<void> | undefined {
    if (this.listeners.length === 0) return this.actOn(instanceId, state, effect);
    return (async () => {
      for (const listener of this.listeners) await listener(instanceId, effect, state);
      await this.actOn(instanceId, state, effect);
    })();
  }

  private actOn(instanceId: string, state: InstanceState, effect: Effect): Promise<void> | undefined {
    const { handOut, deliveries } = this.parts;
    switch (effect.type) {
      case 'job.created':
      case 'timer.scheduled':
      case 'timer.cancelled':
        return handOut.carryOut(instanceId, state, effect);
      case 'message.published':
        return this.parts.messages.publishThrown(effect);
      case 'message.subscribed':
        return this.parts.messages.onSubscribed(instanceId, effect);
      case 'signal.broadcast':
        return deliveries.signal(effect.name, effect.variables).then(() => undefined);
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

  /** A child that cannot start (unknown process, bad variables) is an incident on the call activity. */
  private async startChild(instanceId: string, effect: Extract<Effect, { type: 'child.started' }>): Promise<void> {
    try {
      await this.parts.startChild(effect.processId, effect.childId, { variables: effect.variables, parent: { instanceId, key: effect.key } });
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      await this.executeUnlessStale(instanceId, { type: 'incident', key: effect.key, code: err.code, message: err.message });
    }
  }

  /** A command an effect asks for; harmless when the work is done already (a redelivered effect). */
  private async executeUnlessStale(instanceId: string, command: Command): Promise<void> {
    await this.parts.execute(instanceId, command).catch(ignoreStale);
  }
}
