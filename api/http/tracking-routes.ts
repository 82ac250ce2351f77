import { z } from 'zod';
import type { Knex } from 'knex';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { ApiError } from './errors.js';
import { trackSchema } from './schemas.js';
import { trackCase } from '../cases/tracking.js';
import { TRACKING_ALPHABET, TRACKING_CODE_LENGTH, normalTrackingCode } from '../cases/tracking-code.js';
import type { LimiterStore } from '../security/limiters.js';
import type { SecuritySettings } from '../security/settings.js';
import { hitOrRefuse } from '../security/rate-limit.js';
import { addressKey } from '../security/client-address.js';

const codeSchema = z.string().max(20).transform(normalTrackingCode)
  .pipe(z.string().regex(new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`), `查询码为 ${TRACKING_CODE_LENGTH} 位字母和数字，印在收件凭证和告知书上`));

/**
 * Public tracking by case number and tracking code. Two limits, counted in `limiters` (this
 * process embedded; shared in Redis in server mode): looks per client address (IPv6: per /64),
 * and wrong codes per case number, so that guessing one case's code from many addresses stops
 * too. The address is the peer's unless the app trusts a proxy (YC_TRUST_PROXY).
 */
export function trackingRoutes(db: Knex, limiters: LimiterStore, settings: SecuritySettings): AnyRoute[] {
  const byAddress = limiters.limiter('track', settings.trackAddressLooks, settings.trackAddressWindowS);
  const byCase = limiters.limiter('track-case', settings.trackCaseFailures, settings.trackCaseWindowS);
  return [
    route({
      method: 'get', path: '/track/:caseNo', summary: '办件进度查询（申请人凭办件编号和查询码）', tags: ['public'], roles: 'public',
      query: z.object({ code: codeSchema }), response: trackSchema,
      handler: async ({ params, query, req }) => {
        await hitOrRefuse(byAddress, addressKey(req.ip ?? req.socket.remoteAddress));
        const caseNo = (params.caseNo ?? '').slice(0, 60);
        const failures = await byCase.get(caseNo);
        if (failures && failures.consumedPoints >= settings.trackCaseFailures) throw caseLocked(failures.msBeforeNext);
        try {
          return await trackCase(db, caseNo, query.code);
        } catch (err) {
          if (err instanceof ApiError && err.status === 404) await byCase.consume(caseNo).catch((rejected: unknown) => { if (!(rejected instanceof RateLimiterRes)) throw rejected; });
          throw err;
        }
      },
    }),
  ];
}

/** Too many wrong codes for one case number: it answers no look for a while, whoever asks. Pure. */
function caseLocked(msBeforeNext: number): ApiError {
  return new ApiError(429, 'RATE_LIMITED', `此办件编号查询码错误次数过多，请 ${Math.max(1, Math.ceil(msBeforeNext / 60_000))} 分钟后再试`);
}
