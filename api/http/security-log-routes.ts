import { z } from 'zod';
import type { Knex } from 'knex';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { instant } from './instant.js';
import { securityActions, securityEvents } from '../audit/security-log.js';

const entrySchema = z.object({
  id: z.number().int(), at: instant, actorId: z.string().optional(), action: z.string(), detail: z.record(z.string(), z.unknown()),
});

/**
 * The security log for auditors (审计): sign-ins and failures, account changes, absences, new
 * units, calendar entries, process deployments; newest first, a page at a time (`before`: the
 * `next` of the previous page). Read-only: no one can write or delete a line through the API.
 */
export function securityLogRoutes(db: Knex): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/security-log', summary: '安全日志（登录、登录失败、账户与密码、缺岗、新增单位、日历、流程部署），最新在前', tags: ['audit'], roles: ['auditor'],
      query: z.object({
        action: z.enum(securityActions).optional(), actorId: z.string().max(60).optional(),
        from: instant.optional(), to: instant.optional(),
        before: z.coerce.number().int().positive().optional().describe('上一页返回的 next'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: z.object({ entries: z.array(entrySchema), next: z.number().int().optional().describe('下一页：作为 before 传入；没有则已到最早') }),
      handler: async ({ query }) => {
        const entries = await securityEvents(db, query);
        return { entries, ...(entries.length === query.limit ? { next: entries.at(-1)!.id } : {}) };
      },
    }),
  ];
}
