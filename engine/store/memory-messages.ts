import type { BufferedMessage, MessageBufferStore } from './start-timers-and-messages.js';

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

  async takeBufferedMessage(name: string, correlationKey: string | undefined, now: number): Promise<BufferedMessage | undefined> {
    for (const message of this.byId.values()) {
      if (message.name !== name || (message.correlationKey ?? '') !== (correlationKey ?? '') || message.expiresAt <= now) continue;
      this.byId.delete(message.id);
      return message;
    }
    return undefined;
  }

  async dropExpiredMessages(now: number): Promise<number> {
    const expired = [...this.byId.values()].filter((message) => message.expiresAt <= now);
    for (const message of expired) this.byId.delete(message.id);
    return expired.length;
  }
}
