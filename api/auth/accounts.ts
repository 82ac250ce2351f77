import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { hashPassword } from './passwords.js';

/**
 * What an administrator does to accounts: one-time passwords, disabling, ending sessions.
 * Each writes in the caller's transaction (or db); the caller logs it. Not pure.
 */

/**
 * `length` characters drawn evenly from `alphabet` (bytes past the last whole multiple of its
 * length are drawn again, so no character is likelier). Not pure: random.
 */
export function randomText(alphabet: string, length: number): string {
  const even = 256 - (256 % alphabet.length);
  const out: string[] = [];
  while (out.length < length) for (const byte of randomBytes(length)) if (byte < even && out.length < length) out.push(alphabet[byte % alphabet.length]!);
  return out.join('');
}

/** Letters and digits a person reads off a slip without mistaking one for another (no 0/O, 1/l/I). */
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password of 14 readable characters (about 80 bits). Not pure: random. */
export function oneTimePassword(): string {
  return randomText(READABLE, 14);
}

/** Sets a person's password; `mustChange` for a one-time one (the person changes it at their next sign-in). */
export async function setPassword(db: Knex, staffId: string, password: string, mustChange: boolean): Promise<void> {
  await db('yc_staff').where({ id: staffId }).update({ password_hash: await hashPassword(password), must_change_password: mustChange });
}

/** Ends every session of a person, but `except` (the caller's own, after changing their password); returns how many ended. */
export async function revokeSessions(db: Knex, staffId: string, except?: string): Promise<number> {
  const query = db('yc_sessions').where({ staff_id: staffId });
  if (except) query.whereNot({ token_hash: except });
  return query.delete();
}

/** Disables or enables an account; disabling ends its sessions too. */
export async function setDisabled(db: Knex, staffId: string, disabled: boolean): Promise<void> {
  await db('yc_staff').where({ id: staffId }).update({ disabled });
  if (disabled) await revokeSessions(db, staffId);
}
