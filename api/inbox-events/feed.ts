import { Redis } from 'ioredis';
import type { Engine } from '../../engine/index.js';

/** The task effects that change someone's inbox: a step opened, done or cancelled, claimed or handed on. */
const INBOX_EFFECTS = ['task.created', 'task.closed', 'task.assigned'] as const;

/**
 * Where the processes that commit steps say "a step of this case changed", and the api
 * processes that hold inbox streams hear it. Only the case is said: each api process finds
 * the case's unit and decides who may hear of it (hub.ts), so the feed carries nothing a
 * person may not see.
 */
export interface InboxFeed {
  /** Says that a step of case `caseId` opened, closed or changed hands. Never throws. */
  publish(caseId: string): void;
  /** Hears every change said on this feed, by this process or another. Returns the unsubscriber. */
  subscribe(listener: (caseId: string) => void): () => void;
  close(): Promise<void>;
}

/** The embedded default: one process commits every step and holds every stream. */
export class MemoryInboxFeed implements InboxFeed {
  private readonly listeners = new Set<(caseId: string) => void>();

  publish(caseId: string): void {
    for (const listener of this.listeners) listener(caseId);
  }

  subscribe(listener: (caseId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/**
 * Server mode: Redis pub/sub on `<prefix>:inbox-changed`, so a step committed by one api
 * process or by a worker (a job done, a timer fired) reaches the streams every api process
 * holds. Pub/sub keeps nothing: a page away at that moment re-reads its list when its stream
 * reconnects. A subscribing connection can do nothing else in Redis, hence two connections.
 */
export class RedisInboxFeed implements InboxFeed {
  private readonly publisher: Redis;
  private subscriber?: Redis;
  private readonly listeners = new Set<(caseId: string) => void>();
  private readonly channel: string;

  constructor(private readonly options: { url: string; prefix?: string; onError?: (err: Error) => void }) {
    this.channel = `${options.prefix ?? 'yc'}:inbox-changed`;
    this.publisher = this.connect();
  }

  publish(caseId: string): void {
    this.publisher.publish(this.channel, caseId).catch((err: Error) => this.options.onError?.(err));
  }

  subscribe(listener: (caseId: string) => void): () => void {
    this.listeners.add(listener);
    if (!this.subscriber) {
      this.subscriber = this.connect();
      this.subscriber.on('message', (_channel: string, caseId: string) => {
        for (const heard of this.listeners) heard(caseId);
      });
      this.subscriber.subscribe(this.channel).catch((err: Error) => this.options.onError?.(err));
    }
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the subscription is in place (a test publishes only after). */
  async ready(): Promise<void> {
    if (this.subscriber) await this.subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all([this.publisher.quit(), this.subscriber?.quit()]);
  }

  /** Redis going away is reported, not thrown: ioredis reconnects by itself, and the inbox pages re-read on reconnect. */
  private connect(): Redis {
    const redis = new Redis(this.options.url, { maxRetriesPerRequest: 2 });
    redis.on('error', (err: Error) => this.options.onError?.(err));
    return redis;
  }
}

/**
 * Says on `feed` every inbox change the engine commits in this process (wired on every engine
 * that commits steps: the api processes' and the workers'). Not pure: subscribes to the engine.
 */
export function announceInboxChanges(engine: Engine, feed: InboxFeed): () => void {
  return engine.subscribe((_instanceId, _effect, state) => {
    const caseId = state.vars['0']?.caseId ?? state.businessKey;
    if (typeof caseId === 'string') feed.publish(caseId);
  }, { types: INBOX_EFFECTS });
}
