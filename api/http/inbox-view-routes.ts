import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { inboxFilterSchema } from '../inbox-views/filter.js';
import { deleteView, saveView, viewsOf } from '../inbox-views/store.js';
import { instant } from './instant.js';

const workers = ['clerk', 'reviewer', 'director', 'supervisor', 'authority-head'] as const;
const viewSchema = z.object({ id: z.string(), name: z.string(), filter: inboxFilterSchema, updatedAt: instant });

/** 我的视图: each person's saved inbox filters, on the server. */
export function inboxViewRoutes(db: Knex, engine: Engine): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/inbox/views', summary: '我保存的待办视图', tags: ['tasks'], roles: workers, response: z.array(viewSchema),
      handler: async ({ staff }) => viewsOf(db, staff!.id),
    }),
    route({
      method: 'post', path: '/inbox/views', summary: '保存待办视图（同名则覆盖）', tags: ['tasks'], roles: workers,
      body: z.strictObject({ name: z.string().trim().min(1, '请给视图起个名字').max(40), filter: inboxFilterSchema }), response: viewSchema,
      handler: async ({ staff, body }) => saveView(db, staff!.id, body.name, body.filter, engine.clock.now()),
    }),
    route({
      method: 'delete', path: '/inbox/views/:id', summary: '删除待办视图', tags: ['tasks'], roles: workers, response: z.object({ deleted: z.literal(true) }),
      handler: async ({ staff, params }) => {
        await deleteView(db, staff!.id, params.id ?? '');
        return { deleted: true as const };
      },
    }),
  ];
}
