import { z } from 'zod';
import type { Knex } from 'knex';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { forbidden } from './errors.js';
import { scopeOf } from './scope.js';
import { AUTHORITY_SECTORS } from '../../processes/catalog/types.js';
import { AUTHORITY_KINDS, allAuthorities } from '../org/authorities.js';
import { addAuthority } from '../org/add-authority.js';
import { reviewBodyOf } from '../org/review-body.js';
import { allUnits } from '../org/units.js';

const authoritySchema = z.strictObject({
  id: z.string().regex(/^[0-9A-Za-z_-]{2,60}$/, '编码为 2–60 位字母、数字、- 或 _'),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(AUTHORITY_KINDS),
  sector: z.enum(AUTHORITY_SECTORS),
  orgUnitId: z.string().max(40).optional(),
  superiorId: z.string().max(60).optional(),
  docCode: z.string().trim().regex(/^[\u4e00-\u9fa5]{1,10}$/, '机关代字为 1–10 个汉字，如「永综执」'),
});

const listed = authoritySchema.extend({ reviewBody: z.string().optional() });

/** 实施机关名录: everyone signed in reads it (with each one's 行政复议 body); an administrator registers one within their units. */
export function authorityRoutes(db: Knex): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/authorities', summary: '实施机关名录（含行政复议机关）', tags: ['org'], roles: 'any', response: z.array(listed),
      handler: async () => {
        const [authorities, units] = [await allAuthorities(db), await allUnits(db)];
        return authorities.map((a) => {
          const reviewBody = reviewBodyOf(a, authorities, units);
          return { ...a, ...(reviewBody ? { reviewBody: reviewBody.name } : {}) };
        });
      },
    }),
    route({
      method: 'post', path: '/authorities', summary: '登记实施机关（名称、类别、所属单位、上级机关、机关代字）', tags: ['org'], roles: ['administrator'], status: 201,
      body: authoritySchema, response: authoritySchema,
      handler: async ({ body, staff }) => {
        const scope = await scopeOf(db, staff!);
        // A body above the tree (a city government, a superior tax bureau) only from the top of the tree.
        if (body.orgUnitId ? !scope.includes(body.orgUnitId) : (await allUnits(db)).some((u) => u.id === staff!.orgUnitId && u.parentId)) {
          throw forbidden('只能登记本单位及下属单位的实施机关');
        }
        return addAuthority(db, body);
      },
    }),
  ];
}
