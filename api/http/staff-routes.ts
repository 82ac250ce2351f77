import { z } from 'zod';
import type { Knex } from 'knex';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { ApiError, notFound } from './errors.js';
import { staffSchema } from './auth-routes.js';
import { roles } from '../auth/types.js';
import type { Staff } from '../auth/types.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { findStaff } from '../org/staff.js';
import { createStaff, disableAccount, endSessionsOf, enableAccount, giveRoles, resetPassword } from '../org/staff-admin.js';

const idSchema = z.string().regex(/^[0-9A-Za-z_.-]{2,60}$/, '2–60 位字母、数字、点、- 或 _');
const reasonSchema = z.strictObject({ reason: z.string().trim().min(2, '请写明原因').max(500) });
const oneTimeAnswer = z.object({ staff: staffSchema, oneTimePassword: z.string().describe('一次性密码：只显示这一次，交给本人；本人登录后须先修改') });

/**
 * Staff accounts, for administrators, within their own unit and below: create a person (with
 * a one-time password), give roles, reset a password, disable or enable, end every session.
 * Each is written to the security log.
 */
export function staffRoutes(db: Knex, now: () => number): AnyRoute[] {
  /** The person at `id` if the administrator's unit covers theirs; anyone else answers as not found. */
  const target = async (admin: Staff, id: string): Promise<Staff> => {
    const person = await findStaff(db, id);
    if (!person || !unitAndBelow(await allUnits(db), admin.orgUnitId).includes(person.orgUnitId)) throw notFound('工作人员');
    return person;
  };
  const notSelf = (admin: Staff, person: Staff, what: string) => {
    if (admin.id === person.id) throw new ApiError(409, 'NOT_ON_SELF', `不能${what}自己的账户，请由另一位管理员操作`);
  };
  return [
    route({
      method: 'post', path: '/staff', summary: '新增工作人员（生成一次性密码，本人首次登录须修改）', tags: ['org'], roles: ['administrator'], status: 201,
      body: z.strictObject({
        id: idSchema.optional(), username: idSchema, name: z.string().trim().min(2).max(60), orgUnitId: z.string().min(1).max(40),
        roles: z.array(z.enum(roles)).min(1).max(roles.length), windowId: z.string().max(60).optional(), backupFor: z.string().max(60).optional(),
        department: z.string().max(100).optional(), authorityId: z.string().max(60).optional(),
      }),
      response: oneTimeAnswer,
      handler: async ({ staff, body }) => createStaff(db, staff!, body, now()),
    }),
    route({
      method: 'put', path: '/staff/:id/roles', summary: '调整工作人员的角色', tags: ['org'], roles: ['administrator'],
      body: z.strictObject({ roles: z.array(z.enum(roles)).min(1).max(roles.length) }), response: staffSchema,
      handler: async ({ staff, params, body }) => {
        const person = await target(staff!, params.id ?? '');
        if (!body.roles.includes('administrator')) notSelf(staff!, person, '去掉管理员角色于');
        return giveRoles(db, staff!, person, body.roles, now());
      },
    }),
    route({
      method: 'post', path: '/staff/:id/password-reset', summary: '重置密码（生成一次性密码，结束其全部会话）', tags: ['org'], roles: ['administrator'],
      body: reasonSchema, response: oneTimeAnswer,
      handler: async ({ staff, params, body }) => {
        const person = await target(staff!, params.id ?? '');
        notSelf(staff!, person, '重置');
        return resetPassword(db, staff!, person, body.reason, now());
      },
    }),
    route({
      method: 'post', path: '/staff/:id/disable', summary: '停用账户（不能再登录，结束其全部会话；办件与记录保留）', tags: ['org'], roles: ['administrator'],
      body: reasonSchema, response: staffSchema,
      handler: async ({ staff, params, body }) => {
        const person = await target(staff!, params.id ?? '');
        notSelf(staff!, person, '停用');
        return disableAccount(db, staff!, person, body.reason, now());
      },
    }),
    route({
      method: 'post', path: '/staff/:id/enable', summary: '恢复已停用的账户', tags: ['org'], roles: ['administrator'],
      body: reasonSchema, response: staffSchema,
      handler: async ({ staff, params, body }) => enableAccount(db, staff!, await target(staff!, params.id ?? ''), body.reason, now()),
    }),
    route({
      method: 'delete', path: '/staff/:id/sessions', summary: '结束此人的全部会话（强制下线）', tags: ['org'], roles: ['administrator'],
      response: z.object({ ended: z.number().int() }),
      handler: async ({ staff, params }) => ({ ended: await endSessionsOf(db, staff!, await target(staff!, params.id ?? ''), now()) }),
    }),
  ];
}
