import { scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2's `Algorithm.Argon2id` (a const enum, which this build cannot import). */
const ARGON2ID = 2;

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/** Argon2id's cost: memory in KiB, passes, lanes. */
export interface PasswordCost { memoryCost: number; timeCost: number; parallelism: number }

/** OWASP's Password Storage Cheat Sheet, Argon2id: 19 MiB of memory, 2 passes, 1 lane. */
export const OWASP_COST: PasswordCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** For test suites only (YC_PASSWORD_COST=low): the same scheme, a fraction of the work. */
const LOW_COST: PasswordCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/** The cost new hashes are made with: OWASP's unless YC_PASSWORD_COST=low (tests). Read each time, so a test file can set it. */
export function passwordCost(): PasswordCost {
  return process.env.YC_PASSWORD_COST === 'low' ? LOW_COST : OWASP_COST;
}

/** A salted Argon2id hash in the PHC string format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), which names its own cost. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), { algorithm: ARGON2ID, ...passwordCost() });
}

/** Whether `password` is the one `stored` was made from; `stored` may be Argon2id or the older `scrypt$N$salt$hash`. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const normalized = password.normalize('NFKC');
  if (stored.startsWith('$argon2')) return verify(stored, normalized).catch(() => false);
  const [scheme, cost, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const N = Number(cost);
  const derived = await scrypt(normalized, Buffer.from(salt, 'base64'), expected.length, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  return timingSafeEqual(derived, expected);
}

/**
 * Whether a stored hash should be made again at the next sign-in: any older scheme (scrypt),
 * or Argon2id below today's cost. Pure.
 */
export function needsRehash(stored: string, cost: PasswordCost = passwordCost()): boolean {
  const match = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return true;
  const [m, t, p] = match.slice(1).map(Number) as [number, number, number];
  return m < cost.memoryCost || t < cost.timeCost || p < cost.parallelism;
}

/** A hash of no one's password at each cost asked for so far (one, outside tests). */
const dummies = new Map<number, Promise<string>>();

/**
 * Spends the work of one verification against a hash of no one's password, so that an
 * unknown username takes as long to refuse as a wrong password (no probing by timing).
 */
export async function verifyNobody(password: string): Promise<void> {
  const cost = passwordCost().memoryCost;
  if (!dummies.has(cost)) dummies.set(cost, hashPassword('no one has this password'));
  await verifyPassword(password, await dummies.get(cost)!);
}
