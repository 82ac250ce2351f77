import type { Knex } from 'knex';
import type { Staff } from './types.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, needsRehash, verifyNobody, verifyPassword } from './passwords.js';
import { findByUsername } from '../org/staff.js';
import { logSecurityEvent } from '../audit/security-log.js';
import { ApiError } from '../http/errors.js';

/** One answer for an unknown user and a wrong password, so usernames cannot be probed. */
const loginFailed = () => new ApiError(401, 'LOGIN_FAILED', '用户名或密码不正确');

/**
 * Checks a sign-in: refused while the account or the address is locked; an unknown username
 * costs the same work as a wrong password; every failure is counted and logged. A hash of an
 * older scheme or a lower cost is made again with today's, now that the password is known.
 * Not pure: it writes the security log and may rewrite the hash.
 */
export async function signIn(db: Knex, throttle: LoginThrottle, attempt: { username: string; password: string; address: string; at: number }): Promise<Staff> {
  await throttle.check(attempt.username, attempt.address);
  const found = await findByUsername(db, attempt.username);
  const valid = found ? await verifyPassword(attempt.password, found.passwordHash) : (await verifyNobody(attempt.password), false);
  if (!found || !valid) {
    await throttle.failed(attempt.username, attempt.address);
    await logSecurityEvent(db, { at: attempt.at, ...(found ? { actorId: found.id } : {}), action: 'sign-in-failed', detail: { username: attempt.username.slice(0, 60), address: attempt.address } });
    throw loginFailed();
  }
  await throttle.succeeded(attempt.username);
  // Said only to whoever knows the password, so it reveals nothing to a guesser.
  if (found.disabled) throw new ApiError(403, 'ACCOUNT_DISABLED', '此账户已停用，请联系系统管理员');
  if (needsRehash(found.passwordHash)) await db('yc_staff').where({ id: found.id }).update({ password_hash: await hashPassword(attempt.password) });
  await logSecurityEvent(db, { at: attempt.at, actorId: found.id, action: 'signed-in', detail: { address: attempt.address } });
  const { passwordHash: _hidden, ...staff } = found;
  return staff;
}
