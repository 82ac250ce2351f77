import { z } from 'zod';
import type { Knex } from 'knex';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { notFound } from './errors.js';
import { findItem, listItems } from '../catalog/catalog.js';
import { serviceItemSchema } from '../catalog/schema.js';

const guide = serviceItemSchema;

export function catalogRoutes(db: Knex): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/items', summary: '事项目录（办事指南）', tags: ['catalog'], roles: 'public',
      query: z.object({ window: z.string().max(20).optional(), level: z.enum(['county', 'township', 'village']).optional(), q: z.string().max(50).optional() }),
      response: z.array(guide),
      handler: async ({ query }) => listItems(db, query),
    }),
    route({
      method: 'get', path: '/items/:code', summary: '一个事项的办事指南', tags: ['catalog'], roles: 'public', response: guide,
      handler: async ({ params }) => (await findItem(db, params.code ?? '')) ?? Promise.reject(notFound('事项')),
    }),
  ];
}
