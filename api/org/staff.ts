import type { Knex } from 'knex';
import type { Role, Staff } from '../auth/types.js';
import { hashPassword } from '../auth/passwords.js';
import { page } from '../http/paging.js';
import type { Paged } from '../http/paging.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A staff row as the person it describes (a join that selects `yc_staff.*` gives one too). Pure. */
export function toStaff(row: Row): Staff {
  return {
    id: row.id, username: row.username, name: row.name, orgUnitId: row.org_unit_id,
    ...(row.window_id ? { windowId: row.window_id } : {}),
    roles: JSON.parse(row.roles) as Role[],
    ...(row.backup_for ? { backupFor: row.backup_for } : {}),
    absent: Boolean(row.absent),
    ...(row.department ? { department: row.department } : {}),
    ...(row.authority_id ? { authorityId: row.authority_id } : {}),
    ...(row.must_change_password ? { mustChangePassword: true } : {}),
    ...(row.disabled ? { disabled: true } : {}),
  };
}

export async function findStaff(db: Knex, id: string): Promise<Staff | undefined> {
  const row = await db('yc_staff').where({ id }).first();
  return row ? toStaff(row) : undefined;
}

export async function findByUsername(db: Knex, username: string): Promise<(Staff & { passwordHash: string }) | undefined> {
  const row = await db('yc_staff').where({ username }).first();
  return row ? { ...toStaff(row), passwordHash: row.password_hash } : undefined;
}

/** A staff member to add: what a signed-in one is, with a password and not yet absent. */
export type NewStaff = Omit<Staff, 'absent'> & { password: string };

export async function addStaff(db: Knex, staff: NewStaff): Promise<void> {
  await db('yc_staff').insert({
    id: staff.id, username: staff.username, name: staff.name, org_unit_id: staff.orgUnitId,
    window_id: staff.windowId ?? null, roles: JSON.stringify(staff.roles),
    password_hash: await hashPassword(staff.password), backup_for: staff.backupFor ?? null, absent: false,
    department: staff.department ?? null, authority_id: staff.authorityId ?? null,
    must_change_password: staff.mustChangePassword ?? false,
  });
}

/** AB岗: marking A absent lets B see and act on A's tasks; both are recorded by the caller. */
export async function setAbsent(db: Knex, id: string, absent: boolean): Promise<void> {
  await db('yc_staff').where({ id }).update({ absent });
}

/** The staff a person may act for: themselves, plus every absent A post they back up. */
export async function actingFor(db: Knex, staff: Staff): Promise<string[]> {
  const absentAs = await db('yc_staff').where({ absent: true }).whereIn('id', db('yc_staff').select('backup_for').where({ id: staff.id }));
  return [staff.id, ...absentAs.map((row: Row) => row.id as string)];
}

/** The staff of these units, by id, a page at a time. */
export async function staffIn(db: Knex, orgUnitIds: readonly string[], paging: { cursor?: string; limit: number }): Promise<Paged<Staff>> {
  const got = await page<Row>(db, db('yc_staff').whereIn('org_unit_id', [...orgUnitIds]), [{ sql: 'id' }], paging, (r) => [r.id]);
  return { ...got, rows: got.rows.map(toStaff) };
}
