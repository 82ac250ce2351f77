import { z } from 'zod';
import type { Knex } from 'knex';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { forbidden, notFound } from './errors.js';
import { addUnit, allUnits, unitAndBelow } from '../org/units.js';
import { findStaff, setAbsent, staffIn } from '../org/staff.js';
import { staffSchema } from './auth-routes.js';
import { logSecurityEvent } from '../audit/security-log.js';
import { paged, pageQuery } from './paging.js';

const unitSchema = z.object({
  id: z.string().regex(/^[0-9A-Za-z_-]{2,40}$/, '编码为 2–40 位字母、数字、- 或 _'),
  parentId: z.string().optional(),
  level: z.enum(['county', 'township', 'village']),
  name: z.string().min(2).max(50),
  centerName: z.string().min(2).max(100),
  centerClass: z.enum(['一类', '二类', '三类', '村级', '县级']),
  population: z.number().int().nonnegative().optional(),
  areaM2: z.number().int().positive().optional(),
});

/** Org units and staff, always within the caller's own unit and what lies below it. */
export function orgRoutes(db: Knex, now: () => number): AnyRoute[] {
  const scope = async (orgUnitId: string) => unitAndBelow(await allUnits(db), orgUnitId);
  return [
    route({
      method: 'get', path: '/org-units', summary: '本单位及下属单位（中心、类别、标准名称）', tags: ['org'], roles: 'any',
      response: z.array(unitSchema),
      handler: async ({ staff }) => {
        const visible = new Set(await scope(staff!.orgUnitId));
        return (await allUnits(db)).filter((u) => visible.has(u.id));
      },
    }),
    route({
      method: 'post', path: '/org-units', summary: '新增下属单位（校验标准名称与分类）', tags: ['org'], roles: ['administrator'], status: 201,
      body: unitSchema, response: z.object({ id: z.string(), warnings: z.array(z.string()) }),
      handler: async ({ body, staff }) => {
        if (!body.parentId || !(await scope(staff!.orgUnitId)).includes(body.parentId)) throw forbidden('只能在本单位之下新增单位');
        return db.transaction(async (trx) => {
          const added = await addUnit(trx, body);
          await logSecurityEvent(trx, { at: now(), actorId: staff!.id, action: 'unit-created', detail: { unitId: body.id, parentId: body.parentId, name: body.name, level: body.level } });
          return { id: body.id, ...added };
        });
      },
    }),
    route({
      method: 'get', path: '/staff', summary: '本单位及下属单位的工作人员（分页：总数见 X-Total-Count，下一页见 X-Next-Cursor）', tags: ['org'], roles: ['administrator', 'director', 'supervisor', 'auditor'],
      query: z.object(pageQuery), response: z.array(staffSchema),
      handler: async ({ staff, query, req }) => paged(req, query, await staffIn(db, await scope(staff!.orgUnitId), query)),
    }),
    route({
      method: 'put', path: '/staff/:id/absence', summary: 'AB岗：标记 A 岗缺岗（B 岗接手其待办）', tags: ['org'], roles: ['director', 'administrator'],
      body: z.object({ absent: z.boolean() }), response: staffSchema,
      handler: async ({ body, params, staff }) => {
        const target = await findStaff(db, params.id ?? '');
        if (!target || !(await scope(staff!.orgUnitId)).includes(target.orgUnitId)) throw notFound('工作人员');
        await db.transaction(async (trx) => {
          await setAbsent(trx, target.id, body.absent);
          await logSecurityEvent(trx, { at: now(), actorId: staff!.id, action: 'absence-changed', detail: { staffId: target.id, absent: body.absent } });
        });
        return (await findStaff(db, target.id))!;
      },
    }),
  ];
}
