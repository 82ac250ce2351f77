import { z } from 'zod';
import type { Knex } from 'knex';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { instant } from './instant.js';
import { closeSession, openSession } from '../auth/sessions.js';
import type { SessionRules } from '../auth/sessions.js';
import { roles } from '../auth/types.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import { signIn } from '../auth/sign-in.js';
import { changeOwnPassword, newPasswordSchema } from '../auth/password-change.js';
import { addressKey } from '../security/client-address.js';

export const staffSchema = z.object({
  id: z.string(), username: z.string(), name: z.string(), orgUnitId: z.string(), windowId: z.string().optional(),
  roles: z.array(z.enum(roles)), backupFor: z.string().optional(), absent: z.boolean(), department: z.string().optional(), authorityId: z.string().optional(),
  mustChangePassword: z.boolean().optional().describe('用一次性密码登录：须先修改密码，其他操作一律拒绝（PASSWORD_CHANGE_REQUIRED）'),
  disabled: z.boolean().optional().describe('已停用：不能登录'),
});

const credentials = z.object({
  username: z.string().min(1, '请输入用户名').max(60),
  password: z.string().min(1, '请输入密码').max(200),
});

export function authRoutes(db: Knex, now: () => number, throttle: LoginThrottle, sessions: SessionRules): AnyRoute[] {
  return [
    route({
      method: 'post', path: '/auth/login', summary: '登录，取得会话令牌', tags: ['auth'], roles: 'public',
      body: credentials, response: z.object({ token: z.string(), expiresAt: instant, staff: staffSchema }),
      handler: async ({ body, req }) => {
        const staff = await signIn(db, throttle, { ...body, address: addressKey(req.ip ?? req.socket.remoteAddress), at: now() });
        return { ...(await openSession(db, staff.id, now(), sessions)), staff };
      },
    }),
    route({
      method: 'post', path: '/auth/logout', summary: '退出登录', tags: ['auth'], roles: 'any', beforePasswordChange: true,
      response: z.object({ ok: z.literal(true) }),
      handler: async ({ req }) => {
        await closeSession(db, bearer(req.headers.authorization) ?? '');
        return { ok: true as const };
      },
    }),
    route({
      method: 'post', path: '/auth/password', summary: '修改本人密码（须提供原密码；一次性密码登录后须先修改）', tags: ['auth'], roles: 'any', beforePasswordChange: true,
      body: z.strictObject({ oldPassword: z.string().min(1, '请输入原密码').max(200), newPassword: newPasswordSchema }),
      response: z.object({ ok: z.literal(true) }),
      handler: async ({ staff, body, req }) => {
        await changeOwnPassword(db, staff!, { ...body, token: bearer(req.headers.authorization) ?? '', at: now() });
        return { ok: true as const };
      },
    }),
    route({
      method: 'get', path: '/me', summary: '当前登录人', tags: ['auth'], roles: 'any', beforePasswordChange: true, response: staffSchema,
      handler: async ({ staff }) => staff!,
    }),
  ];
}

export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
