import { z } from 'zod';
import type { Knex } from 'knex';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { rateLimiter } from './rate-limit.js';
import type { HitCounter } from './rate-limit.js';
import { trackSchema } from './schemas.js';
import { trackCase } from '../cases/tracking.js';

/**
 * Public tracking by case number and phone: 30 looks a minute per client address, counted
 * in `counter` (this process by default; shared across api processes in server mode). The
 * address is the peer's unless the app trusts a proxy (YC_TRUST_PROXY): then X-Forwarded-For's.
 */
export function trackingRoutes(db: Knex, now: () => number, counter?: HitCounter): AnyRoute[] {
  const limit = rateLimiter({ max: 30, windowMs: 60_000, now, counter });
  return [
    route({
      method: 'get', path: '/track/:caseNo', summary: '办件进度查询（申请人凭办件编号和联系电话后四位）', tags: ['public'], roles: 'public',
      query: z.object({ phone: z.string().regex(/^\d{4}$/, '请填写联系电话后四位数字') }), response: trackSchema,
      handler: async ({ params, query, req }) => {
        await limit(req.ip ?? req.socket.remoteAddress ?? 'unknown');
        return trackCase(db, params.caseNo ?? '', query.phone);
      },
    }),
  ];
}
