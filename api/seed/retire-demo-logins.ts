import type { Knex } from 'knex';
import { DEMO_PASSWORD, demoStaff } from './demo-county.js';
import { verifyPassword } from '../auth/passwords.js';
import { setDisabled } from '../auth/accounts.js';
import { logSecurityEvent } from '../audit/security-log.js';

/**
 * A server-mode database seeded before demo data became opt-in still holds the demo logins,
 * whose password is public (README, every start printed it). On a server-mode start without
 * YC_DEMO=1 each demo login that still has that password is disabled, with its line in the
 * security log; the usernames are returned for the startup lines. An administrator re-enables
 * whom they keep, with a password reset. Not pure.
 */
export async function retireDemoLogins(db: Knex, at: number): Promise<string[]> {
  const ids = demoStaff.map((s) => s.id);
  const rows = await db('yc_staff').whereIn('id', ids).andWhere({ disabled: false }).select('id', 'username', 'password_hash');
  const retired: string[] = [];
  for (const row of rows as Array<{ id: string; username: string; password_hash: string }>) {
    if (!(await verifyPassword(DEMO_PASSWORD, row.password_hash))) continue;
    await db.transaction(async (trx) => {
      await setDisabled(trx, row.id, true);
      await logSecurityEvent(trx, { at, action: 'account-disabled', detail: { staffId: row.id, reason: '服务器模式下仍使用公开的演示密码' } });
    });
    retired.push(row.username);
  }
  return retired;
}
