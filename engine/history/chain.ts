import { createHash } from 'node:crypto';
import type { HistoryEvent } from '../runtime/events.js';

/** A history event as stored: chained to the one before it by hash, so edits show. */
export type StoredEvent = HistoryEvent & { prev: string; hash: string };

/** The hash before an instance's first event. */
export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashEvent(prev: string, event: HistoryEvent): string {
  return createHash('sha256').update(prev).update(canonicalJson(event)).digest('hex');
}

/** Chains new events onto the hash of the last stored one. */
export function chain(prev: string, events: readonly HistoryEvent[]): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (const event of events) {
    const hash = hashEvent(prev, event);
    out.push({ ...event, prev, hash });
    prev = hash;
  }
  return out;
}

export interface ChainCheck {
  ok: boolean;
  /** Sequence number of the first event whose hash does not match, if any. */
  brokenAt?: number;
  reason?: string;
}

/** Verifies an instance's whole history: order, links and every hash. */
export function verifyChain(events: readonly StoredEvent[]): ChainCheck {
  let prev = GENESIS;
  for (const [i, stored] of events.entries()) {
    const { prev: storedPrev, hash, ...event } = stored;
    if (stored.seq !== i) return { ok: false, brokenAt: stored.seq, reason: `event ${i} carries sequence number ${stored.seq}` };
    if (storedPrev !== prev) return { ok: false, brokenAt: stored.seq, reason: 'link to the previous event does not match' };
    if (hashEvent(prev, event as HistoryEvent) !== hash) return { ok: false, brokenAt: stored.seq, reason: 'event content does not match its hash' };
    prev = hash;
  }
  return { ok: true };
}
