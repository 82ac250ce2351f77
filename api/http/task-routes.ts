import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { caseSchema, taskIdSchema, taskSchema } from './schemas.js';
import { inbox } from '../cases/inbox.js';
import { completeStep } from '../cases/steps.js';
import type { FormRegistry } from '../forms/registry.js';
import { withFormLinks } from './form-routes.js';
import { MAX_LIMIT, limitSchema, paged, pageQuery } from './paging.js';

/** The completion's body as OpenAPI shows it: the variables answer the task's form, one of the forms' schemas. */
function completionBody(forms: FormRegistry): Record<string, unknown> {
  return {
    type: 'object', required: ['variables'], additionalProperties: false,
    properties: {
      variables: {
        description: '按待办的表单（GET /tasks 中的 form.key）填写；各表单的字段见 components.schemas 中的 form.<key>',
        anyOf: forms.keys().map((key) => ({ $ref: `#/components/schemas/form.${key}` })),
      },
    },
  };
}

const workers = ['clerk', 'reviewer', 'director', 'supervisor', 'authority-head'] as const;

/** The inbox and its steps; each task links to its form, and its completion is checked against it. */
export function taskRoutes(db: Knex, engine: Engine, forms: FormRegistry): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/tasks', summary: '我的待办（每项附其表单的链接；按时限先后分页，总数见 X-Total-Count，下一页见 X-Next-Cursor）', tags: ['tasks'], roles: workers,
      // A whole inbox at once for the clients written before paging (200 at most a page); the inbox page pages by 50 (GET /inbox).
      query: z.object({ ...pageQuery, limit: limitSchema(MAX_LIMIT) }), response: z.array(taskSchema),
      handler: async ({ staff, query, req }) => withFormLinks(db, engine, forms, paged(req, query, await inbox(db, staff!, query))),
    }),
    route({
      method: 'post', path: '/tasks/:id/complete', summary: '办理一个待办（按表单校验）', tags: ['tasks'], roles: workers,
      params: z.object({ id: taskIdSchema }),
      body: z.object({ variables: z.record(z.string(), z.unknown()).default({}) }), response: caseSchema,
      describeBody: () => completionBody(forms),
      // express decoded the path once; an id is never decoded again.
      handler: async ({ staff, params, body, retried }) => completeStep(db, engine, staff!, params.id!, body.variables, engine.clock.now(), forms, retried),
    }),
  ];
}
