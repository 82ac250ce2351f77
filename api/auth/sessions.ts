import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Staff } from './types.js';
import { findStaff } from '../org/staff.js';

/** How long a login lasts: a working day and a bit. */
const SESSION_MS = 10 * 3_600_000;

/** What is stored of a token: its SHA-256. Pure. */
export const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session; only the token's hash is stored, so a leaked table opens nothing. */
export async function openSession(db: Knex, staffId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_MS;
  await db('yc_sessions').insert({ token_hash: digest(token), staff_id: staffId, created_at: now, expires_at: expiresAt });
  return { token, expiresAt };
}

export async function sessionStaff(db: Knex, token: string, now: number): Promise<Staff | undefined> {
  const row = await db('yc_sessions').where({ token_hash: digest(token) }).andWhere('expires_at', '>', now).first();
  return row ? findStaff(db, row.staff_id) : undefined;
}

export async function closeSession(db: Knex, token: string): Promise<void> {
  await db('yc_sessions').where({ token_hash: digest(token) }).delete();
}
