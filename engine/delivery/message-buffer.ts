import { EngineError } from '../errors.js';
import type { Clock } from '../clock/index.js';
import type { Effect } from '../runtime/effects.js';
import type { EngineStore, Subscription } from '../store/types.js';
import type { BufferedMessage, MessageTake } from '../store/start-timers-and-messages.js';
import type { TriggerOutcome } from './deliveries.js';
import { checkVariables } from '../commands/variables-check.js';

export interface PublishOptions {
  correlationKey?: string;
  variables?: Record<string, unknown>;
  /** How long the message waits for a subscription when nobody takes it now (default 0: dropped, as in Zeebe). */
  timeToLiveMs?: number;
  /** Refused while a message with this id waits in the buffer. */
  messageId?: string;
}

export interface Published {
  /** The instance it correlated to, or the instances it started (message start events). */
  instanceIds: string[];
  /** True when it waits in the buffer (under `messageId`) for a subscription to open. */
  buffered: boolean;
  messageId?: string;
}

export interface MessageBufferParts {
  store: EngineStore;
  clock: Clock;
  newId: () => string;
  /** Correlates to one waiting subscription, else starts instances at message start events. */
  deliver: (name: string, correlationKey: string | undefined, variables: Record<string, unknown>) => Promise<string[]>;
  /** Triggers a wait, its commit taking a buffered message: 'gone' when the wait is gone, 'taken' when the message is (nothing written). */
  trigger: (instanceId: string, key: string, wait: number, variables: Record<string, unknown>, takesMessage: MessageTake) => Promise<TriggerOutcome>;
  /** How long a message thrown by the model waits (EngineOptions.messageTimeToLiveMs; default 0). */
  thrownTimeToLiveMs?: number;
}

type Subscribed = Extract<Effect, { type: 'message.subscribed' }>;

/** An open wait for a message. */
type Wait = Pick<Subscription, 'instanceId' | 'key' | 'wait'>;

/** How many buffered messages a wait reads at a time (it reads again when racing waits took them all). */
const CANDIDATES = 10;

/**
 * Zeebe's message buffer: a message published with a time to live that nobody takes now waits
 * in the store, and the first matching subscription to open before it expires takes it (when
 * the step that opens the wait has committed: its `message.subscribed` effect). Each message
 * is taken once, by the commit that triggers its wait: that commit deletes it (see
 * Commit.takesMessage), so a crash leaves the message buffered or its wait triggered, never
 * neither. Both sides write before they look (the publisher stores the message, then looks
 * for waits; a step commits its wait, then looks for messages), so of a publish and a
 * subscription that race, at least one sees the other.
 */
export class MessageBuffer {
  constructor(private readonly parts: MessageBufferParts) {}

  async publish(name: string, options: PublishOptions = {}): Promise<Published> {
    const { store, clock } = this.parts;
    const ttl = checkTimeToLive(options.timeToLiveMs);
    const variables = checkVariables(options.variables);
    if (options.messageId !== undefined && (await store.messageBuffered(options.messageId, clock.now()))) throw alreadyPublished(name, options);
    const reached = await this.parts.deliver(name, options.correlationKey, variables);
    if (reached.length > 0 || ttl === 0) return { instanceIds: reached, buffered: false };
    const now = clock.now();
    const message: BufferedMessage = {
      id: options.messageId ?? this.parts.newId(), name, ...(options.correlationKey === undefined ? {} : { correlationKey: options.correlationKey }),
      variables, publishedAt: now, expiresAt: now + ttl,
    };
    if (!(await store.bufferMessage(message, now))) throw alreadyPublished(name, options);
    // A wait that opened after the delivery above looked found no message yet: look again.
    const late = await this.toWaiting(name, options.correlationKey);
    return { instanceIds: late, buffered: late.length === 0, messageId: message.id };
  }

  /**
   * A message thrown by the model (a `message.published` effect) with the engine's time to live
   * (the zeebe descriptor has no attribute for one). Its id is the effect's, so an effect
   * carried out again after a crash is not buffered twice.
   */
  async publishThrown(effect: Extract<Effect, { type: 'message.published' }>): Promise<void> {
    const timeToLiveMs = this.parts.thrownTimeToLiveMs ?? 0;
    const options = { correlationKey: effect.correlationKey, variables: effect.variables, timeToLiveMs };
    await this.publish(effect.name, timeToLiveMs > 0 ? { ...options, messageId: effect.id } : options).catch(ignoreDuplicate);
  }

  /** A wait opened (its step committed): it takes the oldest buffered message it matches, if any. */
  async onSubscribed(instanceId: string, effect: Subscribed): Promise<void> {
    await this.takeOldest({ instanceId, key: effect.key, wait: effect.wait }, effect.name, effect.correlationKey);
  }

  /** Deletes expired messages (the scheduler's sweep; an expired message is never taken anyway). */
  async sweep(): Promise<number> {
    return this.parts.store.dropExpiredMessages(this.parts.clock.now());
  }

  /** Hands buffered messages to the open waits for them, oldest wait first; returns the instances reached. */
  private async toWaiting(name: string, correlationKey: string | undefined): Promise<string[]> {
    for (const sub of (await this.parts.store.messageSubscriptions(name, correlationKey)).sort((a, b) => a.createdSeq - b.createdSeq)) {
      const outcome = await this.takeOldest(sub, name, correlationKey);
      if (outcome === 'triggered') return [sub.instanceId];
      if (outcome === 'none') return [];
    }
    return [];
  }

  /**
   * Triggers a wait with the oldest buffered message it matches, deleted in the trigger's
   * commit. A message another wait took first is passed over for the next; a wait that is
   * gone leaves the message buffered. 'none': no message is left for it.
   */
  private async takeOldest(wait: Wait, name: string, correlationKey: string | undefined): Promise<'triggered' | 'gone' | 'none'> {
    const { store, clock, trigger } = this.parts;
    const tried = new Set<string>();
    for (;;) {
      const fresh = (await store.bufferedMessages(name, correlationKey, clock.now(), CANDIDATES)).filter((m) => !tried.has(m.id));
      if (fresh.length === 0) return 'none';
      for (const message of fresh) {
        tried.add(message.id);
        const outcome = await trigger(wait.instanceId, wait.key, wait.wait, message.variables, { id: message.id, now: clock.now() });
        if (outcome !== 'taken') return outcome;
      }
    }
  }
}

function checkTimeToLive(ttl: number | undefined): number {
  if (ttl === undefined) return 0;
  if (Number.isFinite(ttl) && ttl >= 0) return ttl;
  throw new EngineError('MESSAGE_TTL_INVALID', `timeToLiveMs is ${String(ttl)}; give a number of milliseconds, 0 or more`, { field: 'timeToLiveMs', value: ttl });
}

function alreadyPublished(name: string, options: PublishOptions): EngineError {
  return new EngineError('MESSAGE_ALREADY_PUBLISHED', `message with id "${options.messageId}" is already published and waits in the buffer; publish under another id, or after it is taken or expires`, {
    messageId: options.messageId, name, correlationKey: options.correlationKey,
  });
}

function ignoreDuplicate(err: unknown): void {
  if (err instanceof EngineError && err.code === 'MESSAGE_ALREADY_PUBLISHED') return;
  throw err;
}
