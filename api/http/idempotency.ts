import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Request } from 'express';
import { ApiError } from './errors.js';

/** The header a client sends to make a create safe to retry (as Stripe's and the IETF draft's). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on an answer given again from a key's record rather than by handling the request. */
export const REPLAYED_HEADER = 'Idempotency-Replayed';

const TABLE = 'yc_idempotency_keys';
const KEY = /^[\x21-\x7e]{1,200}$/;
/** How long a key's answer is kept: a clerk retries within minutes, a day covers a night's outage too. */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** A first request still unanswered after this long died with its process: a retry may take the key over. */
const ABANDONED_MS = 2 * 60 * 1000;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** `again`: the key's first request, the same as this one, died unanswered; this one takes its place. */
export type Claim = { kind: 'new'; again?: true } | { kind: 'replay'; answer: StoredAnswer };

/** What a request asks, as a hash: the method, the path with its query, and the body's bytes. Pure. */
export function fingerprintOf(req: Pick<Request, 'method' | 'originalUrl' | 'body'>): string {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? null));
  return createHash('sha256').update(`${req.method} ${req.originalUrl}\n`).update(body).digest('hex');
}

/** The key a request carries, checked; undefined when it carries none. Pure. */
export function keyOf(req: Pick<Request, 'get'>): string | undefined {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw new ApiError(400, 'IDEMPOTENCY_KEY_INVALID', `${IDEMPOTENCY_HEADER} 应为 1–200 个可见的 ASCII 字符（建议每次新的提交用一个新的 UUID，重试时沿用原值）`, [{ field: IDEMPOTENCY_HEADER, problem: '格式无效' }]);
  return key;
}

/**
 * Takes a staff member's key for a request, or finds the answer it already got. A key used
 * for a different request is refused (422); one whose first request is still running, 409.
 * Not pure: it writes the key's record.
 */
export async function claimKey(db: Knex, staffId: string, key: string, fingerprint: string, now: number): Promise<Claim> {
  await db(TABLE).where({ staff_id: staffId }).andWhere('expires_at', '<=', now).del();
  const claim = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await db(TABLE).where({ staff_id: staffId, key }).first();
    if (!row) {
      await db(TABLE).insert({ staff_id: staffId, key, fingerprint, claim, status: null, answer: null, created_at: now, expires_at: now + KEY_LIFETIME_MS })
        .onConflict(['staff_id', 'key']).ignore();
      // Ours unless another request with this key got there first: then read what it left.
      if ((await db(TABLE).where({ staff_id: staffId, key }).first())?.claim === claim) return { kind: 'new' };
      continue;
    }
    if (row.fingerprint !== fingerprint) throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', `${IDEMPOTENCY_HEADER} 「${key}」已用于另一项不同内容的提交；新的提交请换一个新的键值`, [{ field: IDEMPOTENCY_HEADER, problem: '已用于不同的请求' }]);
    if (row.status !== null && row.status !== undefined) return { kind: 'replay', answer: { status: Number(row.status), body: JSON.parse(row.answer) } };
    if (now - Number(row.created_at) < ABANDONED_MS) throw new ApiError(409, 'IDEMPOTENCY_KEY_IN_PROGRESS', '同一提交正在处理中，请稍候再试（不会重复办理）');
    const taken = await db(TABLE).where({ staff_id: staffId, key, claim: row.claim }).whereNull('status').update({ claim, created_at: now, expires_at: now + KEY_LIFETIME_MS });
    if (taken === 1) return { kind: 'new', again: true };
  }
  throw new ApiError(409, 'IDEMPOTENCY_KEY_IN_PROGRESS', '同一提交正在处理中，请稍候再试（不会重复办理）');
}

/** Keeps the answer the key's request got, to give again to its retries. Not pure. */
export async function recordAnswer(db: Knex, staffId: string, key: string, answer: StoredAnswer): Promise<void> {
  await db(TABLE).where({ staff_id: staffId, key }).update({ status: answer.status, answer: JSON.stringify(answer.body) });
}

/** Frees a key whose request failed: nothing was made, so a retry (corrected, perhaps) runs afresh. Not pure. */
export async function releaseKey(db: Knex, staffId: string, key: string): Promise<void> {
  await db(TABLE).where({ staff_id: staffId, key }).whereNull('status').del();
}

/** Where keys are kept and what time it is (the engine's clock). */
export interface KeyStore {
  db: Knex;
  now: () => number;
}

/**
 * Runs a create once per key: without an Idempotency-Key header (or without a signed-in
 * caller to scope it) it simply runs; with one, a retry of the same request gets the first
 * answer (`replayed`), and a failed attempt frees the key. `run` is told when it retries a
 * first attempt that died unanswered (its work may be done: it answers as that one would). Not pure.
 */
export async function onceByKey(keys: KeyStore | undefined, staffId: string | undefined, req: Request, run: (retried: boolean) => Promise<StoredAnswer>): Promise<StoredAnswer & { replayed?: true }> {
  const key = keys && staffId ? keyOf(req) : undefined;
  if (!keys || !staffId || key === undefined) return run(false);
  const claim = await claimKey(keys.db, staffId, key, fingerprintOf(req), keys.now());
  if (claim.kind === 'replay') return { ...claim.answer, replayed: true };
  try {
    const answer = await run(claim.again === true);
    await recordAnswer(keys.db, staffId, key, answer);
    return answer;
  } catch (err) {
    await releaseKey(keys.db, staffId, key).catch(() => undefined);
    throw err;
  }
}
