import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { forbidden, notFound } from './errors.js';
import { caseSchema, extensionSchema } from './schemas.js';
import { scopeOf, visibleCase } from './scope.js';
import { requestExtension } from '../cases/extensions.js';
import { decideExtension } from '../cases/extension-decision.js';
import { extensionById, extensionsIn } from '../cases/extension-store.js';
import { approvesExtensionsOf } from '../org/authority-heads.js';
import { extensionApproverFilter } from '../org/head-extensions.js';
import { paged, pageQuery } from './paging.js';

/** 延期: the window asks, the head of the case's deciding authority decides (in the inbox, or here); supervisors and auditors read. */
export function extensionRoutes(db: Knex, engine: Engine): AnyRoute[] {
  const now = () => engine.clock.now();
  return [
    route({
      method: 'post', path: '/cases/:id/extensions', summary: '申请延期（不超过法定延长期限）', tags: ['extensions'], roles: ['clerk'], status: 201,
      body: z.strictObject({ days: z.number().int('延期天数应为整数').min(1, '至少延期 1 个工作日').max(60), reason: z.string().trim().min(2, '请写明延期理由').max(1000) }),
      response: extensionSchema,
      handler: async ({ staff, params, body }) => requestExtension(db, engine, staff!, await visibleCase(db, staff!, params.id ?? ''), body.days, body.reason, now()),
    }),
    route({
      method: 'get', path: '/extensions', summary: '本单位及下属单位的延期申请（机关负责人：本机关审批的；新的在前，分页：总数见 X-Total-Count，下一页见 X-Next-Cursor）', tags: ['extensions'], roles: ['director', 'supervisor', 'auditor', 'authority-head'],
      query: z.object({ status: z.enum(['pending', 'approved', 'refused', 'lapsed']).optional(), ...pageQuery }), response: z.array(extensionSchema),
      handler: async ({ staff, query, req }) => paged(req, query, await extensionsIn(db, await scopeOf(db, staff!), { ...query, ...extensionApproverFilter(staff!) })),
    }),
    route({
      method: 'post', path: '/extensions/:id/decision', summary: '实施机关负责人审批延期（完成其待办中的延期审批）', tags: ['extensions'], roles: ['authority-head'],
      body: z.strictObject({ approved: z.boolean(), note: z.string().trim().max(1000).optional() }),
      response: z.object({ extension: extensionSchema, case: caseSchema }),
      handler: async ({ staff, params, body, retried }) => {
        const extension = await extensionById(db, params.id ?? '');
        if (!extension) throw notFound('延期申请');
        const record = await visibleCase(db, staff!, extension.caseId).catch(() => Promise.reject(notFound('延期申请')));
        if (!(await approvesExtensionsOf(db, staff!, record))) throw forbidden('只有本事项实施机关的负责人可以审批延期（行政许可法第四十二条）');
        return decideExtension(db, engine, staff!, extension.id, body, now(), retried);
      },
    }),
  ];
}
