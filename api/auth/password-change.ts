import { z } from 'zod';
import type { Knex } from 'knex';
import type { Staff } from './types.js';
import { verifyPassword } from './passwords.js';
import { revokeSessions, setPassword } from './accounts.js';
import { digest } from './sessions.js';
import { logSecurityEvent } from '../audit/security-log.js';
import { ApiError } from '../http/errors.js';

/** A password a person chooses: long enough to resist guessing at our sign-in limits (NIST 800-63B asks at least 8; we ask 10). */
export const newPasswordSchema = z.string().min(10, '新密码至少 10 个字符').max(200, '新密码最多 200 个字符');

/**
 * A person changes their own password, proving the old one: the new one must differ from it
 * and not contain the username. Their other sessions end (a stolen one stops working); the
 * one-time-password mark is cleared. Logged in the security log. Not pure.
 */
export async function changeOwnPassword(db: Knex, staff: Staff, change: { oldPassword: string; newPassword: string; token: string; at: number }): Promise<void> {
  const row = await db('yc_staff').where({ id: staff.id }).first('password_hash');
  if (!row || !(await verifyPassword(change.oldPassword, row.password_hash))) {
    throw new ApiError(400, 'OLD_PASSWORD_WRONG', '原密码不正确', [{ field: 'oldPassword', problem: '原密码不正确' }]);
  }
  if (change.newPassword === change.oldPassword) throw new ApiError(400, 'PASSWORD_UNCHANGED', '新密码不能与原密码相同', [{ field: 'newPassword', problem: '与原密码相同' }]);
  if (change.newPassword.toLowerCase().includes(staff.username.toLowerCase())) {
    throw new ApiError(400, 'PASSWORD_WEAK', '新密码不能包含用户名', [{ field: 'newPassword', problem: '包含用户名' }]);
  }
  await db.transaction(async (trx) => {
    await setPassword(trx, staff.id, change.newPassword, false);
    const ended = await revokeSessions(trx, staff.id, digest(change.token));
    await logSecurityEvent(trx, { at: change.at, actorId: staff.id, action: 'password-changed', detail: { staffId: staff.id, otherSessionsEnded: ended } });
  });
}
