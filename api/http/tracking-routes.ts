import { z } from 'zod';
import type { Knex } from 'knex';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { trackSchema } from './schemas.js';
import { trackCase } from '../cases/tracking.js';
import type { LimiterStore } from '../security/limiters.js';
import type { SecuritySettings } from '../security/settings.js';
import { hitOrRefuse } from '../security/rate-limit.js';
import { addressKey } from '../security/client-address.js';

/**
 * Public tracking by case number and phone: a few looks a minute per client address (IPv6:
 * per /64), counted in `limiters` (this process embedded; shared in Redis in server mode).
 * The address is the peer's unless the app trusts a proxy (YC_TRUST_PROXY): then X-Forwarded-For's.
 */
export function trackingRoutes(db: Knex, limiters: LimiterStore, settings: SecuritySettings): AnyRoute[] {
  const byAddress = limiters.limiter('track', settings.trackAddressLooks, settings.trackAddressWindowS);
  return [
    route({
      method: 'get', path: '/track/:caseNo', summary: '办件进度查询（申请人凭办件编号和联系电话后四位）', tags: ['public'], roles: 'public',
      query: z.object({ phone: z.string().regex(/^\d{4}$/, '请填写联系电话后四位数字') }), response: trackSchema,
      handler: async ({ params, query, req }) => {
        await hitOrRefuse(byAddress, addressKey(req.ip ?? req.socket.remoteAddress));
        return trackCase(db, params.caseNo ?? '', query.phone);
      },
    }),
  ];
}
