import { z } from 'zod';
import { AUTHORITY_SECTORS, WINDOWS } from '../../processes/catalog/types.js';
import type { ServiceItem } from '../../processes/catalog/types.js';

/** 工作日 or 日 (calendar days). */
const dayUnit = z.enum(['working-days', 'days']);

/** The service guide (办事指南) as the API shows it; mirrors processes/catalog/types.ts. */
export const serviceItemSchema = z.object({
  code: z.string(), name: z.string(),
  type: z.enum(['行政许可', '行政确认', '行政给付', '行政裁决', '行政奖励', '其他行政权力', '公共服务']),
  department: z.string(), authority: z.object({ level: z.enum(['county', 'township']), sector: z.enum(AUTHORITY_SECTORS) }), window: z.enum(WINDOWS), level: z.enum(['county', 'township', 'village']),
  mode: z.enum(['direct', 'promised', 'joint', 'coordinate', 'report-up']), processId: z.string(),
  legalBasis: z.array(z.string()), conditions: z.array(z.string()),
  materials: z.array(z.object({
    name: z.string(), required: z.boolean(), form: z.enum(['原件', '复印件', '原件及复印件']), count: z.number(),
    format: z.enum(['纸质', '电子', '纸质或电子']), notes: z.string().optional(),
  })),
  statutoryDays: z.number().nullable(), statutoryUnit: dayUnit, statutoryNote: z.string().optional(), promisedDays: z.number(),
  specialProcedures: z.array(z.object({ name: z.string(), days: z.number(), unit: dayUnit, countsTowardLimit: z.boolean() })),
  stepLimits: z.array(z.object({ step: z.string(), name: z.string(), days: z.number(), unit: dayUnit })).optional(),
  fee: z.object({ standard: z.string(), basis: z.string() }), place: z.string(), hours: z.string(),
  consultPhone: z.string(), complaintPhone: z.string(), visits: z.number(),
  result: z.object({ name: z.string(), type: z.enum(['证照', '批文', '其他']) }),
  departments: z.array(z.string()), remedy: z.string().optional(),
  sources: z.object({
    authority: z.string(), statutoryLimit: z.string(), promisedLimit: z.string(), procedures: z.string().optional(), fee: z.string(), materials: z.string(),
  }),
  sample: z.literal(true),
}) satisfies z.ZodType<ServiceItem>;
