import type { Knex } from 'knex';
import { addStaff } from '../org/staff.js';
import { addUnit } from '../org/units.js';
import { standardName } from '../org/centers.js';
import { oneTimePassword, setDisabled, setPassword } from '../auth/accounts.js';
import { logSecurityEvent } from '../audit/security-log.js';

export interface FirstAdministrator {
  username: string;
  /** Present only when it was made up here: printed once, on this start, and never again. */
  generatedPassword?: string;
}

/**
 * Server mode's first start on an empty database: one administrator, `admin`, with a one-time
 * password (the operator's `YC_ADMIN_PASSWORD`, or one made up here and returned to be printed
 * this once) that must be changed at the first sign-in. Placed in the county unit the database
 * has, or a new one named by `YC_COUNTY_CODE` and `YC_COUNTY_NAME`. The same when a database has
 * people but no administrator who can sign in (the demo `admin` just retired, say): `admin` gets
 * a one-time password and is enabled again. While an administrator can sign in, does nothing: a
 * later start never creates, resets or prints a password. Not pure.
 */
export async function ensureFirstAdministrator(db: Knex, env: Record<string, string | undefined>, at: number): Promise<FirstAdministrator | undefined> {
  if (await hasUsableAdministrator(db)) return undefined;
  const given = env.YC_ADMIN_PASSWORD;
  if (given !== undefined && given.length < 12) throw new Error('YC_ADMIN_PASSWORD must be at least 12 characters');
  const password = given || oneTimePassword();
  const passwordFrom = given ? 'YC_ADMIN_PASSWORD' : 'generated';
  const existing = await db('yc_staff').where({ username: 'admin' }).first('id', 'roles');
  if (existing) {
    if (!(JSON.parse(existing.roles as string) as string[]).includes('administrator')) throw new Error('no administrator can sign in, and the username admin belongs to someone who is not one');
    await setPassword(db, existing.id as string, password, true);
    await setDisabled(db, existing.id as string, false);
    await logSecurityEvent(db, { at, action: 'administrator-restored', detail: { staffId: existing.id, username: 'admin', passwordFrom } });
  } else {
    const unitId = await countyUnit(db, env);
    await addStaff(db, { id: 's-admin', username: 'admin', name: '系统管理员', orgUnitId: unitId, roles: ['administrator'], password, mustChangePassword: true });
    await logSecurityEvent(db, { at, action: 'administrator-created', detail: { username: 'admin', orgUnitId: unitId, passwordFrom } });
  }
  return { username: 'admin', ...(given ? {} : { generatedPassword: password }) };
}

/** Whether anyone with the administrator role can sign in (not disabled). */
async function hasUsableAdministrator(db: Knex): Promise<boolean> {
  const rows = await db('yc_staff').where({ disabled: false }).andWhere('roles', 'like', '%administrator%').select('roles');
  return rows.some((r: { roles: string }) => (JSON.parse(r.roles) as string[]).includes('administrator'));
}

/** The top unit the database holds, or a county unit made from the settings. */
async function countyUnit(db: Knex, env: Record<string, string | undefined>): Promise<string> {
  const top = await db('yc_org_units').whereNull('parent_id').orderBy('id').first('id');
  if (top) return top.id as string;
  const name = env.YC_COUNTY_NAME || '本县';
  const id = env.YC_COUNTY_CODE || 'county';
  await addUnit(db, { id, level: 'county', name, centerName: standardName('county', name, undefined), centerClass: '县级' });
  return id;
}

/** Whether this start seeds the demo county: on the embedded default unless YC_DEMO=0, in server mode only with YC_DEMO=1. Pure. */
export function wantsDemo(env: Record<string, string | undefined>): boolean {
  if (env.YC_DEMO === '1') return true;
  if (env.YC_DEMO === '0') return false;
  return !env.DATABASE_URL;
}
