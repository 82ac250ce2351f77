import * as crypto from 'node:crypto';
import type { HistoryEvent } from '../runtime/events.js';

/** A history event as stored: chained to the one before it by hash, so edits show. */
export type StoredEvent = HistoryEvent & { prev: string; hash: string };

/**
 * An event as a store keeps it: `body` is the JSON text of the event without `seq` and `at`,
 * the very text that was hashed, so a store writes it as it is and never re-serialises.
 */
export interface EventRecord {
  seq: number;
  at: number;
  type: HistoryEvent['t'];
  body: string;
  prev: string;
  hash: string;
}

/** The hash before an instance's first event. */
export const GENESIS = '0'.repeat(64);

// crypto.hash (node 20.12+) is a one-shot digest, about twice as fast as createHash for short input.
const sha256: (text: string) => string = typeof crypto.hash === 'function'
  ? (text) => crypto.hash('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * The hash of one event: SHA-256 over the previous hash, the event's place and time, and the
 * exact JSON text of its body. The engine writes every event itself, so the text is
 * deterministic; stores keep it verbatim, and JSON.parse then JSON.stringify gives it back
 * unchanged (same key order), which is how `verifyChain` checks loaded events. Pure.
 */
export function hashEvent(prev: string, seq: number, at: number, body: string): string {
  return sha256(`${prev}\n${seq}\n${at}\n${body}`);
}

/** The JSON text of an event's body: every field but `seq` and `at`, in the order the runtime wrote them. Pure. */
export function eventBody(event: HistoryEvent): string {
  const { seq: _seq, at: _at, ...body } = event;
  return JSON.stringify(body);
}

/** Chains new events onto the hash of the last stored one. Pure. */
export function chain(prev: string, events: readonly HistoryEvent[]): EventRecord[] {
  const out: EventRecord[] = [];
  for (const event of events) {
    const body = eventBody(event);
    const hash = hashEvent(prev, event.seq, event.at, body);
    out.push({ seq: event.seq, at: event.at, type: event.t, body, prev, hash });
    prev = hash;
  }
  return out;
}

/** A stored record as the event it holds, with its link and hash. Pure. */
export function storedEvent(record: EventRecord): StoredEvent {
  return { ...JSON.parse(record.body), seq: record.seq, at: record.at, prev: record.prev, hash: record.hash } as StoredEvent;
}

export interface ChainCheck {
  ok: boolean;
  /** Sequence number of the first event whose hash does not match, if any. */
  brokenAt?: number;
  reason?: string;
}

/** Verifies an instance's whole history: order, links and every hash. Pure. */
export function verifyChain(events: readonly StoredEvent[]): ChainCheck {
  let prev = GENESIS;
  for (const [i, stored] of events.entries()) {
    const { prev: storedPrev, hash, ...event } = stored;
    if (stored.seq !== i) return { ok: false, brokenAt: stored.seq, reason: `event ${i} carries sequence number ${stored.seq}` };
    if (storedPrev !== prev) return { ok: false, brokenAt: stored.seq, reason: 'link to the previous event does not match' };
    if (hashEvent(prev, stored.seq, stored.at, eventBody(event as HistoryEvent)) !== hash) {
      return { ok: false, brokenAt: stored.seq, reason: 'event content does not match its hash' };
    }
    prev = hash;
  }
  return { ok: true };
}
