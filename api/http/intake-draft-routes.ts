import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { deleteDraft, draftsOf, saveDraft } from '../intake-drafts/store.js';
import type { DraftContent } from '../intake-drafts/store.js';

const text = (max: number) => z.string().max(max).optional();
const contentSchema = z.strictObject({
  itemCode: text(40), itemName: text(200),
  applicant: z.strictObject({ kind: z.enum(['person', 'company']), name: text(100), idNumber: text(18), creditCode: text(18), phone: text(20), address: text(200) }),
  materials: z.record(z.string().min(1).max(200), z.enum(['received', 'missing']))
    .refine((m) => Object.keys(m).length <= 50, '材料不超过 50 项'),
  note: text(1000),
}) satisfies z.ZodType<DraftContent>;
const draftSchema = contentSchema.extend({ id: z.string(), updatedAt: z.number() });
const draftId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '草稿编号应为 8 至 64 位字母、数字或连字符');

/** 暂存件: a clerk's unfinished intakes, each clerk's own. */
export function intakeDraftRoutes(db: Knex, engine: Engine): AnyRoute[] {
  const now = () => engine.clock.now();
  return [
    route({
      method: 'get', path: '/intake-drafts', summary: '我暂存的收件草稿（最近保存的在前）', tags: ['intake'], roles: ['clerk'], response: z.array(draftSchema),
      handler: async ({ staff }) => draftsOf(db, staff!.id),
    }),
    route({
      method: 'put', path: '/intake-drafts/:id', summary: '暂存收件草稿（编号由页面生成，再次保存即覆盖）', tags: ['intake'], roles: ['clerk'],
      body: contentSchema, response: draftSchema,
      handler: async ({ staff, params, body }) => saveDraft(db, staff!.id, draftId.parse(params.id), body, now()),
    }),
    route({
      method: 'delete', path: '/intake-drafts/:id', summary: '删除收件草稿', tags: ['intake'], roles: ['clerk'], response: z.object({ deleted: z.literal(true) }),
      handler: async ({ staff, params }) => {
        await deleteDraft(db, staff!.id, params.id ?? '');
        return { deleted: true as const };
      },
    }),
  ];
}
