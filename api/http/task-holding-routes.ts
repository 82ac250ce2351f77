import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { taskIdSchema } from './schemas.js';
import { claimStep, handOnStep, handOnTargets, unclaimStep } from '../cases/task-holding.js';

const workers = ['clerk', 'reviewer', 'director', 'supervisor', 'authority-head'] as const;

const holdingSchema = z.object({
  taskId: z.string(),
  holder: z.object({ id: z.string(), name: z.string() }).nullable().describe('现在由谁办理；null：退回本组，待认领'),
});

/** Claiming, giving back and handing on a task: through the engine (its history) and into the case log. */
export function taskHoldingRoutes(db: Knex, engine: Engine): AnyRoute[] {
  const now = () => engine.clock.now();
  const params = z.object({ id: taskIdSchema });
  return [
    route({
      method: 'post', path: '/tasks/:id/claim', summary: '认领待办（由我办理）', tags: ['tasks'], roles: workers, params, response: holdingSchema,
      handler: async ({ staff, params: p }) => claimStep(db, engine, staff!, p.id!, now()),
    }),
    route({
      method: 'post', path: '/tasks/:id/unclaim', summary: '退回认领（交回本组）', tags: ['tasks'], roles: workers, params, response: holdingSchema,
      handler: async ({ staff, params: p }) => unclaimStep(db, engine, staff!, p.id!, now()),
    }),
    route({
      method: 'get', path: '/tasks/:id/hand-on-targets', summary: '可接收转交的同事（本单位、在岗、岗位办理这一环节）', tags: ['tasks'], roles: workers, params,
      response: z.array(z.object({ id: z.string(), name: z.string() })),
      handler: async ({ staff, params: p }) => handOnTargets(db, engine, staff!, p.id!),
    }),
    route({
      method: 'post', path: '/tasks/:id/hand-on', summary: '转交待办给本单位同岗位的同事（写明原因）', tags: ['tasks'], roles: workers, params,
      body: z.strictObject({ toStaffId: z.string().min(1).max(60), reason: z.string().trim().min(2, '请写明转交原因').max(500) }),
      response: holdingSchema,
      handler: async ({ staff, params: p, body }) => handOnStep(db, engine, staff!, p.id!, body.toStaffId, body.reason, now()),
    }),
  ];
}
