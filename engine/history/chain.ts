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

/**
 * The digests a history can be chained with: SHA-256 (the default, and every event written
 * before the choice existed), or SM3 (GB/T 32905, which Chinese government systems are asked
 * for). An event chained with another than SHA-256 names it in its body (`alg`), so each event
 * says which it used and a chain may change digest from one event to the next.
 */
export type HistoryHash = 'sha256' | 'sm3';
export const HISTORY_HASHES: readonly HistoryHash[] = ['sha256', 'sm3'];

// crypto.hash (node 20.12+) is a one-shot digest, about twice as fast as createHash for short input.
const digest: (algorithm: HistoryHash, text: string) => string = typeof crypto.hash === 'function'
  ? (algorithm, text) => crypto.hash(algorithm, text, 'hex')
  : (algorithm, text) => crypto.createHash(algorithm).update(text).digest('hex');

/**
 * The hash of one event: the digest over the previous hash, the event's place and time, and the
 * exact JSON text of its body. The engine writes every event itself, so the text is
 * deterministic; stores keep it verbatim, and JSON.parse then JSON.stringify gives it back
 * unchanged (same key order), which is how `verifyChain` checks loaded events. Pure.
 */
export function hashEvent(prev: string, seq: number, at: number, body: string, algorithm: HistoryHash = 'sha256'): string {
  return digest(algorithm, `${prev}\n${seq}\n${at}\n${body}`);
}

/**
 * The JSON text of an event's body: every field but `seq` and `at`, in the order the runtime
 * wrote them, then the digest's name when it is not SHA-256. Pure.
 */
export function eventBody(event: HistoryEvent, algorithm: HistoryHash = 'sha256'): string {
  const { seq: _seq, at: _at, alg: _alg, ...body } = event as HistoryEvent & { alg?: HistoryHash };
  return JSON.stringify(algorithm === 'sha256' ? body : { ...body, alg: algorithm });
}

/** The digest a stored event was chained with (its `alg`; none: SHA-256). Pure. */
export function algorithmOf(event: object): HistoryHash {
  const alg = (event as { alg?: unknown }).alg;
  return alg === undefined ? 'sha256' : (alg as HistoryHash);
}

/** Chains new events onto the hash of the last stored one, with the given digest. Pure. */
export function chain(prev: string, events: readonly HistoryEvent[], algorithm: HistoryHash = 'sha256'): EventRecord[] {
  const out: EventRecord[] = [];
  for (const event of events) {
    const body = eventBody(event, algorithm);
    const hash = hashEvent(prev, event.seq, event.at, body, algorithm);
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
    const algorithm = algorithmOf(event);
    if (!HISTORY_HASHES.includes(algorithm)) return { ok: false, brokenAt: stored.seq, reason: `event names an unknown digest "${String(algorithm)}"` };
    if (hashEvent(prev, stored.seq, stored.at, eventBody(event as HistoryEvent, algorithm), algorithm) !== hash) {
      return { ok: false, brokenAt: stored.seq, reason: 'event content does not match its hash' };
    }
    prev = hash;
  }
  return { ok: true };
}
