import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role, Staff } from '../auth/types.js';
import { oneTimePassword, revokeSessions, setDisabled, setPassword } from '../auth/accounts.js';
import { logSecurityEvent } from '../audit/security-log.js';
import { ApiError, forbidden } from '../http/errors.js';
import { addStaff, findStaff } from './staff.js';
import { allUnits, unitAndBelow } from './units.js';

/**
 * An administrator's changes to accounts, each with its line in the security log in one
 * transaction. Scope (the administrator's unit and below) is checked by the caller for an
 * existing person, here for a new one. Not pure.
 */

export interface NewAccount {
  id?: string; username: string; name: string; orgUnitId: string; roles: Role[];
  windowId?: string; backupFor?: string; department?: string; authorityId?: string;
}

/** Adds a person with a one-time password, returned once to be handed over. */
export async function createStaff(db: Knex, admin: Staff, account: NewAccount, at: number): Promise<{ staff: Staff; oneTimePassword: string }> {
  if (!unitAndBelow(await allUnits(db), admin.orgUnitId).includes(account.orgUnitId)) throw forbidden('只能在本单位及下属单位新增工作人员');
  if (await db('yc_staff').where({ username: account.username }).first('id')) {
    throw new ApiError(409, 'USERNAME_TAKEN', `用户名「${account.username}」已被使用`, [{ field: 'username', problem: '已被使用' }]);
  }
  const id = account.id ?? `s-${randomUUID().slice(0, 8)}`;
  if (await findStaff(db, id)) throw new ApiError(409, 'STAFF_EXISTS', `编号「${id}」已被使用`, [{ field: 'id', problem: '已被使用' }]);
  await checkReferences(db, account);
  const password = oneTimePassword();
  await db.transaction(async (trx) => {
    await addStaff(trx, { ...account, id, password, mustChangePassword: true });
    await logSecurityEvent(trx, { at, actorId: admin.id, action: 'staff-created', detail: { staffId: id, username: account.username, orgUnitId: account.orgUnitId, roles: account.roles } });
  });
  return { staff: (await findStaff(db, id))!, oneTimePassword: password };
}

/** The window, A post and authority a new person names must exist (else a clear 400, not the database's refusal). */
async function checkReferences(db: Knex, account: NewAccount): Promise<void> {
  const missing = (field: string, what: string) => new ApiError(400, 'REFERENCE_UNKNOWN', `${what}不存在`, [{ field, problem: `${what}不存在` }]);
  if (account.backupFor && !(await findStaff(db, account.backupFor))) throw missing('backupFor', 'A 岗工作人员');
  if (account.windowId && !(await db('yc_windows').where({ id: account.windowId }).first('id'))) throw missing('windowId', '窗口');
  if (account.authorityId && !(await db('yc_authorities').where({ id: account.authorityId }).first('id'))) throw missing('authorityId', '实施机关');
}

export async function giveRoles(db: Knex, admin: Staff, person: Staff, roles: Role[], at: number): Promise<Staff> {
  await db.transaction(async (trx) => {
    await trx('yc_staff').where({ id: person.id }).update({ roles: JSON.stringify([...new Set(roles)]) });
    await logSecurityEvent(trx, { at, actorId: admin.id, action: 'roles-changed', detail: { staffId: person.id, from: person.roles, to: roles } });
  });
  return (await findStaff(db, person.id))!;
}

/** A new one-time password; the person's sessions end, and they must change it at their next sign-in. */
export async function resetPassword(db: Knex, admin: Staff, person: Staff, reason: string, at: number): Promise<{ staff: Staff; oneTimePassword: string }> {
  const password = oneTimePassword();
  await db.transaction(async (trx) => {
    await setPassword(trx, person.id, password, true);
    const ended = await revokeSessions(trx, person.id);
    await logSecurityEvent(trx, { at, actorId: admin.id, action: 'password-reset', detail: { staffId: person.id, reason, sessionsEnded: ended } });
  });
  return { staff: (await findStaff(db, person.id))!, oneTimePassword: password };
}

export async function disableAccount(db: Knex, admin: Staff, person: Staff, reason: string, at: number): Promise<Staff> {
  await db.transaction(async (trx) => {
    await setDisabled(trx, person.id, true);
    await logSecurityEvent(trx, { at, actorId: admin.id, action: 'account-disabled', detail: { staffId: person.id, reason } });
  });
  return (await findStaff(db, person.id))!;
}

export async function enableAccount(db: Knex, admin: Staff, person: Staff, reason: string, at: number): Promise<Staff> {
  await db.transaction(async (trx) => {
    await setDisabled(trx, person.id, false);
    await logSecurityEvent(trx, { at, actorId: admin.id, action: 'account-enabled', detail: { staffId: person.id, reason } });
  });
  return (await findStaff(db, person.id))!;
}

/** Ends every session of a person (a lost computer, a suspicion); returns how many ended. */
export async function endSessionsOf(db: Knex, admin: Staff, person: Staff, at: number): Promise<number> {
  return db.transaction(async (trx) => {
    const ended = await revokeSessions(trx, person.id);
    await logSecurityEvent(trx, { at, actorId: admin.id, action: 'sessions-revoked', detail: { staffId: person.id, ended } });
    return ended;
  });
}
