import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { caseSchema, taskSchema } from './schemas.js';
import { inbox } from '../cases/inbox.js';
import { completeStep } from '../cases/steps.js';

const workers = ['clerk', 'reviewer', 'director', 'supervisor', 'authority-head'] as const;

/** The inbox and its steps. */
export function taskRoutes(db: Knex, engine: Engine): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/tasks', summary: '我的待办', tags: ['tasks'], roles: workers, response: z.array(taskSchema),
      handler: async ({ staff }) => inbox(db, engine, staff!),
    }),
    route({
      method: 'post', path: '/tasks/:id/complete', summary: '办理一个待办（按表单校验）', tags: ['tasks'], roles: workers,
      body: z.object({ variables: z.record(z.string(), z.unknown()).default({}) }), response: caseSchema,
      handler: async ({ staff, params, body }) => completeStep(db, engine, staff!, decodeURIComponent(params.id ?? ''), body.variables, engine.clock.now()),
    }),
  ];
}
