import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Staff } from './types.js';
import { toStaff } from '../org/staff.js';

/** How long sessions last: at most `hours` after sign-in, `idleMinutes` after the last request; `perPerson` at once. */
export interface SessionRules { hours: number; idleMinutes: number; perPerson: number }

/** A request refreshes its session's last use at most this often, so reads do not each write. */
const TOUCH_EVERY_MS = 60_000;

/** What is stored of a token: its SHA-256. Pure. */
export const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Opens a session; only the token's hash is stored, so a leaked table opens nothing. Sessions
 * past their end (anyone's) are deleted here, and the person's oldest beyond `perPerson` end,
 * so a forgotten sign-in on another computer does not stay open for ever. Not pure.
 */
export async function openSession(db: Knex, staffId: string, now: number, rules: SessionRules): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + rules.hours * 3_600_000;
  await deleteEnded(db, now, rules);
  await db('yc_sessions').insert({ token_hash: digest(token), staff_id: staffId, created_at: now, expires_at: expiresAt, last_seen_at: now });
  const beyond = await db('yc_sessions').where({ staff_id: staffId }).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'token_hash', order: 'desc' }]).offset(rules.perPerson).select('token_hash');
  if (beyond.length > 0) await db('yc_sessions').whereIn('token_hash', beyond.map((r: { token_hash: string }) => r.token_hash)).delete();
  return { token, expiresAt };
}

/** The person a token signs in, if its session is neither over nor idle too long and the account is not disabled; refreshes its last use. */
export async function sessionStaff(db: Knex, token: string, now: number, rules: SessionRules): Promise<Staff | undefined> {
  return sessionStaffByHash(db, digest(token), now, rules);
}

/** As sessionStaff, by the stored hash of the token (what a stream ticket keeps, never the token). */
export async function sessionStaffByHash(db: Knex, tokenHash: string, now: number, rules: SessionRules): Promise<Staff | undefined> {
  // The session and its person in one read: every signed-in request starts here.
  const row = await db('yc_sessions as s').join('yc_staff as st', 'st.id', 's.staff_id')
    .where('s.token_hash', tokenHash).andWhere('s.expires_at', '>', now)
    .first('st.*', 's.created_at as session_created_at', 's.last_seen_at as session_last_seen_at');
  if (!row) return undefined;
  const lastSeen = Number(row.session_last_seen_at ?? row.session_created_at);
  if (lastSeen <= now - rules.idleMinutes * 60_000) return undefined;
  const staff = toStaff(row);
  if (staff.disabled) return undefined;
  if (now - lastSeen >= TOUCH_EVERY_MS) await db('yc_sessions').where({ token_hash: tokenHash }).update({ last_seen_at: now });
  return staff;
}

export async function closeSession(db: Knex, token: string): Promise<void> {
  await db('yc_sessions').where({ token_hash: digest(token) }).delete();
}

/** Deletes every session past its end or idle too long. */
export async function deleteEnded(db: Knex, now: number, rules: SessionRules): Promise<number> {
  return db('yc_sessions').where('expires_at', '<=', now).orWhere('last_seen_at', '<=', now - rules.idleMinutes * 60_000).delete();
}

/** The session rules out of the security settings. Pure. */
export function sessionRules(settings: { sessionHours: number; sessionIdleMinutes: number; sessionsPerPerson: number }): SessionRules {
  return { hours: settings.sessionHours, idleMinutes: settings.sessionIdleMinutes, perPerson: settings.sessionsPerPerson };
}
