import type { Router } from 'express';
import type { Knex } from 'knex';
import type { Staff } from '../auth/types.js';
import { ApiError, forbidden, notFound } from './errors.js';
import { findCase } from '../cases/repository.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { noticeHtml } from '../notices/store.js';

/**
 * A stored notice as the printable page it was issued as (text/html, not JSON), for staff
 * of the case's org unit. Kept beside the JSON routes because its answer is a page.
 */
export function noticeRoutes(router: Router, db: Knex): void {
  router.get('/cases/:id/notices/:noticeId', async (req, res, next) => {
    try {
      const staff = res.locals.staff as Staff | undefined;
      if (!staff) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
      const record = await findCase(db, req.params.id);
      if (!record || !unitAndBelow(await allUnits(db), staff.orgUnitId).includes(record.orgUnitId)) throw notFound('办件');
      const html = await noticeHtml(db, record.id, req.params.noticeId);
      if (!html) throw notFound('文书');
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.type('html').send(html);
    } catch (err) {
      next(err instanceof ApiError ? err : err ?? forbidden());
    }
  });
}
