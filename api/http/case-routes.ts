import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { ApiError, forbidden, notFound } from './errors.js';
import type { Staff } from '../auth/types.js';
import { intake } from '../cases/intake.js';
import { caseLog, casesIn, findCase, updateCase } from '../cases/repository.js';
import type { CaseRecord } from '../cases/types.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { noticesOf } from '../notices/store.js';
import { caseOfTask, inbox } from '../cases/inbox.js';
import { parseForm } from '../cases/forms.js';
import { actingFor } from '../org/staff.js';

const applicantSchema = z.object({
  kind: z.enum(['person', 'company']), name: z.string().trim().min(1).max(100), idNumber: z.string().max(18).optional(),
  creditCode: z.string().max(18).optional(), phone: z.string().regex(/^[0-9+\-\s]{7,20}$/, '请填写有效的联系电话'), address: z.string().max(200).optional(),
});
const caseSchema = z.object({
  id: z.string(), caseNo: z.string(), itemCode: z.string(), itemName: z.string(), orgUnitId: z.string(), status: z.string(),
  instanceId: z.string().optional(), ownerId: z.string().optional(), applicant: applicantSchema,
  materials: z.array(z.object({ name: z.string(), required: z.boolean(), provided: z.boolean() })),
  receivedAt: z.number(), acceptedAt: z.number().optional(), dueAt: z.number().optional(),
  currentSteps: z.array(z.object({ taskId: z.string(), name: z.string() })), cards: z.array(z.object({ colour: z.enum(['yellow', 'red']), at: z.number() })),
  visits: z.number(), resultNo: z.string().optional(), version: z.number(), windowId: z.string().optional(), clockStoppedAt: z.number().optional(),
});
const taskSchema = z.object({ id: z.string(), elementId: z.string(), name: z.string().optional(), caseId: z.string(), caseNo: z.string(), itemName: z.string(), applicantName: z.string(), candidateGroups: z.array(z.string()), formKey: z.string().optional(), dueAt: z.number().optional(), createdAt: z.number(), instanceId: z.string(), assignee: z.string().optional() });

/** Cases, their inbox and their steps; every read and write within the caller's org units. */
export function caseRoutes(db: Knex, engine: Engine): AnyRoute[] {
  const now = () => engine.clock.now();
  const visibleCase = async (staff: Staff, id: string): Promise<CaseRecord> => {
    const record = await findCase(db, id);
    if (!record || !unitAndBelow(await allUnits(db), staff.orgUnitId).includes(record.orgUnitId)) throw notFound('办件');
    return record;
  };
  return [
    route({
      method: 'post', path: '/cases', summary: '综合受理：收件并启动办理流程', tags: ['cases'], roles: ['clerk'], status: 201,
      body: z.strictObject({ itemCode: z.string().min(1).max(40), applicant: applicantSchema, provided: z.array(z.string().max(200)).max(50).default([]) }),
      response: caseSchema,
      handler: async ({ body, staff }) => {
        const level = (await allUnits(db)).find((u) => u.id === staff!.orgUnitId)?.level ?? 'village';
        const created = await intake(db, engine, staff!, level, body);
        await engine.idle();
        return (await findCase(db, created.id))!;
      },
    }),
    route({
      method: 'get', path: '/cases', summary: '本单位及下属单位的办件', tags: ['cases'], roles: 'any',
      query: z.object({ status: z.string().max(20).optional() }), response: z.array(caseSchema),
      handler: async ({ staff, query }) => casesIn(db, unitAndBelow(await allUnits(db), staff!.orgUnitId), query),
    }),
    route({
      method: 'get', path: '/cases/:id', summary: '办件详情、办理记录与文书', tags: ['cases'], roles: 'any',
      response: z.object({ case: caseSchema, log: z.array(z.unknown()), notices: z.array(z.unknown()) }),
      handler: async ({ staff, params }) => {
        const record = await visibleCase(staff!, params.id ?? '');
        return { case: record, log: await caseLog(db, record.id), notices: await noticesOf(db, record.id) };
      },
    }),
    route({
      method: 'get', path: '/tasks', summary: '我的待办', tags: ['tasks'], roles: ['clerk', 'reviewer', 'director', 'supervisor'], response: z.array(taskSchema),
      handler: async ({ staff }) => inbox(db, engine, staff!),
    }),
    route({
      method: 'post', path: '/tasks/:id/complete', summary: '办理一个待办（按表单校验）', tags: ['tasks'], roles: ['clerk', 'reviewer', 'director', 'supervisor'],
      body: z.object({ variables: z.record(z.string(), z.unknown()).default({}) }), response: caseSchema,
      handler: async ({ staff, params, body }) => completeStep(db, engine, staff!, decodeURIComponent(params.id ?? ''), body.variables, now()),
    }),
    route({
      method: 'post', path: '/cases/:id/withdraw', summary: '撤件（申请人撤回申请）', tags: ['cases'], roles: ['clerk'],
      body: z.strictObject({ reason: z.string().trim().min(2).max(500) }), response: caseSchema,
      handler: async ({ staff, params, body }) => {
        const record = await visibleCase(staff!, params.id ?? '');
        if (['completed', 'refused', 'withdrawn'].includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，不能撤件');
        if (record.instanceId) await engine.cancel(record.instanceId);
        await engine.idle();
        return updateCase(db, record.id, (c) => ({ ...c, status: 'withdrawn', currentSteps: [] }), { at: now(), actorId: staff!.id, action: 'withdrawn', detail: { reason: body.reason } });
      },
    }),
  ];
}

/** Completes a step after checking it is the caller's and its form is complete; records who did it. */
async function completeStep(db: Knex, engine: Engine, staff: Staff, taskId: string, input: Record<string, unknown>, at: number): Promise<CaseRecord> {
  const mine = (await inbox(db, engine, staff)).find((t) => t.id === taskId);
  if (!mine) {
    const task = (await engine.tasks()).find((t) => t.id === taskId);
    if (!task) throw new ApiError(404, 'TASK_NOT_FOUND', '待办不存在或已办理');
    throw forbidden('这项待办不在你的待办范围内');
  }
  const variables = parseForm(mine.formKey, input);
  const record = (await caseOfTask(db, engine, mine))!;
  await engine.completeTask(taskId, variables);
  await engine.idle();
  const acting = await actingFor(db, staff);
  return updateCase(db, record.id, (c) => afterStep(c, mine.formKey), {
    at, actorId: staff.id, action: 'step-done',
    detail: { step: mine.name ?? mine.elementId, variables, ...(record.ownerId && record.ownerId !== staff.id && acting.includes(record.ownerId) ? { onBehalfOf: record.ownerId } : {}) },
  });
}

/** What a step's answer means for the case itself: the applicant came back, a refusal to accept. */
function afterStep(c: CaseRecord, formKey: string | undefined): CaseRecord {
  if (formKey === 'correction') return { ...c, visits: c.visits + 1 };
  return c;
}
