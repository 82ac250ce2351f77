import { EngineError } from '../errors.js';
import type { Command } from '../runtime/commands.js';
import { EFFECT_TYPES } from '../runtime/effects.js';
import type { Effect } from '../runtime/effects.js';
import type { InstanceState } from '../runtime/state.js';
import type { EngineStore } from '../store/types.js';
import type { HandOut } from './hand-out.js';
import type { Work } from './work.js';
import type { Committed } from '../commands/command-path.js';
import { ignoreStale } from '../commands/stale.js';
import type { Deliveries } from '../delivery/deliveries.js';
import type { MessageBuffer } from '../delivery/message-buffer.js';

/** Told of the committed effects it follows; `state` is the instance right after that commit. */
export type EffectListener = (instanceId: string, effect: Effect, state: InstanceState) => Promise<void> | void;

/** The effects a listener follows: by default every one. */
export interface FollowOptions {
  types?: ReadonlyArray<Effect['type']>;
}

export interface EffectDispatcherParts {
  store: EngineStore;
  work: Work;
  handOut: Pick<HandOut, 'carryOut' | 'onlyNudges' | 'nudge'>;
  deliveries: Pick<Deliveries, 'message' | 'signal'>;
  /** Thrown messages go through the buffer; an opened wait takes a buffered message. */
  messages: Pick<MessageBuffer, 'publishThrown' | 'onSubscribed'>;
  /** Commits a command and carries out its effects (Engine.execute). */
  execute(instanceId: string, command: Command): Promise<unknown>;
  /** Starts a child instance of the newest version of `processId`. */
  startChild(processId: string, childId: string, command: Partial<Extract<Command, { type: 'start' }>>): Promise<void>;
}

type Action<T extends Effect['type']> = (instanceId: string, state: InstanceState, effect: Extract<Effect, { type: T }>) => Promise<void>;

interface Following {
  listener: EffectListener;
  /** Undefined: every type. */
  types?: ReadonlySet<Effect['type']>;
}

/** A listener that names no type, or one no effect has, would never hear anything: a mistake to report, not to keep. */
function checkTypes(types: readonly string[]): void {
  const unknown = types.filter((type) => !(EFFECT_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0 || types.length === 0) {
    const named = types.length === 0 ? 'no effect type' : `no effect is of type ${unknown.map((type) => `"${type}"`).join(', ')}`;
    throw new EngineError('EFFECT_TYPE_UNKNOWN', `a listener follows ${named}: name some of ${EFFECT_TYPES.join(', ')}, or leave types out to follow every effect`, { unknown, known: EFFECT_TYPES });
  }
}

function follows(following: Following, effect: Effect): boolean {
  return !following.types || following.types.has(effect.type);
}

/**
 * Carries out committed effects: tells the listeners that follow them, then does what each
 * asks (hands out jobs and timers, delivers messages and signals, starts and ends child
 * instances), then marks them done in the outbox. An effect that asks nothing of the engine
 * and that no listener follows (most of them only feed read models) has nothing to be carried
 * out: it is not put in the outbox at all (`carries`), which spares every step the writing
 * and the removal of those rows.
 */
export class EffectDispatcher {
  private readonly following: Following[] = [];
  /** What each kind of effect asks of the engine; kinds missing here ask nothing. */
  private readonly actions: { [T in Effect['type']]?: Action<T> };

  constructor(private readonly parts: EffectDispatcherParts) {
    const { handOut, deliveries, messages } = parts;
    const handedOut = (instanceId: string, state: InstanceState, effect: Effect) => handOut.carryOut(instanceId, state, effect);
    this.actions = {
      'job.created': handedOut,
      'timer.scheduled': handedOut,
      'timer.cancelled': handedOut,
      'message.published': (_instanceId, _state, effect) => messages.publishThrown(effect),
      'message.subscribed': (instanceId, _state, effect) => messages.onSubscribed(instanceId, effect),
      'signal.broadcast': (_instanceId, _state, effect) => deliveries.signal(effect.name, effect.variables).then(() => undefined),
      'child.started': (instanceId, _state, effect) => this.startChild(instanceId, effect),
      'child.cancelled': (_instanceId, _state, effect) => this.executeUnlessStale(effect.childId, { type: 'cancel' }),
      'parent.completed': (_instanceId, _state, effect) =>
        this.executeUnlessStale(effect.parent.instanceId, { type: 'childEnded', key: effect.parent.key, variables: effect.variables }),
      'parent.errored': (_instanceId, _state, effect) => this.executeUnlessStale(effect.parent.instanceId, {
        type: 'childEnded', key: effect.parent.key, variables: effect.variables, error: { code: effect.code, message: effect.message },
      }),
      'parent.escalated': (_instanceId, _state, effect) => this.executeUnlessStale(effect.parent.instanceId, {
        type: 'childEscalated', key: effect.parent.key, ...(effect.code ? { code: effect.code } : {}), variables: effect.variables,
      }),
    };
  }

  /** See Engine.subscribe. Returns a function that stops it. Throws EFFECT_TYPE_UNKNOWN for a type that no effect has. */
  subscribe(listener: EffectListener, options: FollowOptions = {}): () => void {
    if (options.types) checkTypes(options.types);
    const following: Following = { listener, ...(options.types ? { types: new Set(options.types) } : {}) };
    this.following.push(following);
    return () => {
      const at = this.following.indexOf(following);
      if (at >= 0) this.following.splice(at, 1);
    };
  }

  /**
   * Whether an effect is carried out after its commit, and so goes to the outbox with it: a
   * listener follows it, or it asks something of the engine that only the outbox would
   * remember after a crash (not a timer's nudge, see HandOut.onlyNudges).
   */
  carries(effect: Effect): boolean {
    return this.following.some((f) => follows(f, effect)) || (effect.type in this.actions && !this.parts.handOut.onlyNudges(effect));
  }

  /** Nudges the scheduler at once, then carries out a fresh commit's outbox in the background (`idle()` waits for it). */
  afterCommit(instanceId: string, committed: Committed): void {
    for (const effect of committed.effects) if (this.parts.handOut.onlyNudges(effect) && !committed.outbox.includes(effect)) this.parts.handOut.nudge(effect);
    const { work } = this.parts;
    if (committed.state.parent) work.adopt(instanceId, committed.state.parent.instanceId);
    if (committed.outbox.length > 0) work.track(this.carryOut(instanceId, committed), instanceId);
    if (committed.effects.some((e) => e.type === 'instance.ended')) work.forget(instanceId);
  }

  /** Carries out a commit's outbox in order, then marks it done. */
  async carryOut(instanceId: string, committed: Committed): Promise<void> {
    for (const effect of committed.outbox) {
      const carrying = this.carryOutOne(instanceId, committed.state, effect);
      if (carrying) await carrying;
    }
    await this.parts.store.effectsDone(committed.outbox.map((e) => e.id));
  }

  /**
   * Tells the listeners that follow one effect, then does what it asks of the engine.
   * Undefined when there is nothing to wait for.
   */
  carryOutOne(instanceId: string, state: InstanceState, effect: Effect): Promise<void> | undefined {
    const listeners = this.following.filter((f) => follows(f, effect));
    if (listeners.length === 0) return this.actOn(instanceId, state, effect);
    return (async () => {
      for (const { listener } of listeners) await listener(instanceId, effect, state);
      await this.actOn(instanceId, state, effect);
    })();
  }

  private actOn(instanceId: string, state: InstanceState, effect: Effect): Promise<void> | undefined {
    const action = this.actions[effect.type] as Action<Effect['type']> | undefined;
    return action?.(instanceId, state, effect);
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
