import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { applicantSchema, caseLogEntrySchema, caseSchema, dateChangeSchema, noticeSchema } from './schemas.js';
import { scopeOf, visibleCase } from './scope.js';
import { paged, pageQuery } from './paging.js';
import { intake } from '../cases/intake.js';
import { caseFamily, settle } from '../cases/case-instances.js';
import { IDEMPOTENCY_HEADER } from './idempotency.js';
import { caseLog, casesIn, findCase } from '../cases/repository.js';
import { handOver } from '../cases/handover.js';
import { withdrawCase } from '../cases/withdrawal.js';
import { noticesOf } from '../notices/store.js';
import { dateChanges } from '../time-limits/date-changes.js';
import { caseReading, caseReadingSchema } from './case-reading.js';

/** Cases: intake, lists and details, withdrawal and handing on; every read and write within the caller's org units. */
export function caseRoutes(db: Knex, engine: Engine): AnyRoute[] {
  const now = () => engine.clock.now();
  return [
    route({
      method: 'post', path: '/cases', summary: '综合受理：收件并启动办理流程', tags: ['cases'], roles: ['clerk'], status: 201,
      body: z.strictObject({
        itemCode: z.string().min(1).max(40), applicant: applicantSchema, provided: z.array(z.string().max(200)).max(50).default([]),
        forward: z.boolean().optional().describe('代办上报：本中心不能受理的上级事项，收件后转上级中心受理，结果送回本中心'),
      }),
      response: caseSchema,
      handler: async ({ body, staff, req }) => {
        const key = req.get(IDEMPOTENCY_HEADER);
        const created = await intake(db, engine, staff!, { ...body, ...(key ? { intakeKey: `${staff!.id}:${key}` } : {}) });
        await settle(engine, caseFamily(created));
        return (await findCase(db, created.id))!;
      },
    }),
    route({
      method: 'get', path: '/cases', summary: '本单位及下属单位的办件（收件时间新的在前，分页：总数见 X-Total-Count，下一页见 X-Next-Cursor）', tags: ['cases'], roles: 'any',
      query: z.object({ status: z.string().max(20).optional(), ...pageQuery }), response: z.array(caseSchema),
      handler: async ({ staff, query, req }) => paged(req, query, await casesIn(db, await scopeOf(db, staff!), query)),
    }),
    route({
      method: 'get', path: '/cases/:id', summary: '办件详情、办理记录与文书', tags: ['cases'], roles: 'any',
      response: z.object({ case: caseSchema, log: z.array(caseLogEntrySchema), notices: z.array(noticeSchema), dateChanges: z.array(dateChangeSchema) })
        .extend(caseReadingSchema.shape),
      handler: async ({ staff, params }) => {
        const record = await visibleCase(db, staff!, params.id ?? '');
        const [log, notices] = [await caseLog(db, record.id), await noticesOf(db, record.id)];
        return { case: record, log, notices, dateChanges: dateChanges(log, notices), ...(await caseReading(db, engine, record, log)) };
      },
    }),
    route({
      method: 'post', path: '/cases/:id/withdraw', summary: '撤件（申请人撤回申请；首问责任人、其缺岗时的 B 岗或本中心负责人）', tags: ['cases'], roles: ['clerk', 'director'],
      body: z.strictObject({ reason: z.string().trim().min(2).max(500) }), response: caseSchema,
      handler: async ({ staff, params, body }) => withdrawCase(db, engine, staff!, await visibleCase(db, staff!, params.id ?? ''), body.reason, now()),
    }),
    route({
      method: 'post', path: '/cases/:id/handover', summary: '首问负责：将办件移交本单位另一名窗口工作人员', tags: ['cases'], roles: ['clerk'],
      body: z.strictObject({ toStaffId: z.string().min(1).max(60), reason: z.string().trim().min(2, '请写明移交原因').max(500) }), response: caseSchema,
      handler: async ({ staff, params, body }) => handOver(db, staff!, await visibleCase(db, staff!, params.id ?? ''), body.toStaffId, body.reason, now()),
    }),
  ];
}
