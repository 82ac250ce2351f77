import type { BufferedMessage, MessageBufferStore, MessageTake } from './start-timers-and-messages.js';

/** The memory store's message buffer, in publishing order. */
export class MemoryMessages implements MessageBufferStore {
  private readonly byId = new Map<string, BufferedMessage>();

  async bufferMessage(message: BufferedMessage, now: number): Promise<boolean> {
    if (await this.messageBuffered(message.id, now)) return false;
    // An expired copy under the same id is gone for good: the new one goes to the end of the line.
    this.byId.delete(message.id);
    this.byId.set(message.id, structuredClone(message));
    return true;
  }

  async messageBuffered(id: string, now: number): Promise<boolean> {
    return (this.byId.get(id)?.expiresAt ?? now) > now;
  }

  async bufferedMessages(name: string, correlationKey: string | undefined, now: number, limit: number): Promise<BufferedMessage[]> {
    const found: BufferedMessage[] = [];
    for (const message of this.byId.values()) {
      if (found.length === limit) break;
      if (message.name === name && (message.correlationKey ?? '') === (correlationKey ?? '') && message.expiresAt > now) found.push(structuredClone(message));
    }
    return found;
  }

  /** Deletes a message alive at `take.now`; false when it is not there (taken, expired). Synchronous, so that a commit can take it and write in one go. */
  take(take: MessageTake): boolean {
    if ((this.byId.get(take.id)?.expiresAt ?? take.now) <= take.now) return false;
    return this.byId.delete(take.id);
  }

  async dropExpiredMessages(now: number): Promise<number> {
    const expired = [...this.byId.values()].filter((message) => message.expiresAt <= now);
    for (const message of expired) this.byId.delete(message.id);
    return expired.length;
  }
}
