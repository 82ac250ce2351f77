import type { Knex } from 'knex';
import type { RawRoute } from './raw-routes.js';
import { notFound } from './errors.js';
import { visibleCase } from './scope.js';
import { noticeHtml } from '../notices/store.js';

/** A stored notice as the printable page it was issued as (text/html), for staff of the case's org unit. */
export function noticePages(db: Knex): RawRoute[] {
  return [{
    method: 'get', path: '/cases/:id/notices/:noticeId', summary: '文书（可打印的 HTML 页面）', roles: 'any', produces: ['text/html'],
    handler: async ({ staff, params, res }) => {
      const record = await visibleCase(db, staff, params.id ?? '');
      const html = await noticeHtml(db, record.id, params.noticeId ?? '');
      if (!html) throw notFound('文书');
      // A notice page may be framed by this site's print page (and only by it).
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      res.type('html').send(html);
    },
  }];
}
