import { z } from 'zod';

/**
 * What each user task's form must send, by the task's formKey. Checked at the edge so the
 * process never sees a half-filled decision; unknown fields are refused, not ignored.
 */
const reason = z.string().trim().min(2, '请写明理由').max(2000);
const basis = z.string().trim().min(2, '请写明法律依据').max(1000);
const specialProcedure = z.object({
  name: z.enum(['公示', '听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审', '现场勘察']),
  days: z.number().int().min(1).max(90),
}).nullable();

const refusedNeedsReason = (value: { approved?: boolean; accepted?: boolean; refusalReason?: string; legalBasis?: string }) =>
  (value.approved !== false && value.accepted !== false) || (Boolean(value.refusalReason) && Boolean(value.legalBasis));
const refusalMessage = { message: '不予受理或不予许可须写明理由（refusalReason）和法律依据（legalBasis）', path: ['refusalReason'] };

export const forms: Record<string, z.ZodType<Record<string, unknown>>> = {
  acceptance: z.strictObject({
    accepted: z.boolean(), missingMaterials: z.array(z.string().min(1).max(200)).max(50).default([]),
    refusalReason: reason.optional(), legalBasis: basis.optional(),
  }).refine((v) => v.missingMaterials.length > 0 || refusedNeedsReason(v), refusalMessage),
  decision: z.strictObject({ approved: z.boolean(), refusalReason: reason.optional(), legalBasis: basis.optional(), opinion: z.string().max(2000).optional() })
    .refine(refusedNeedsReason, refusalMessage),
  'county-decision': z.strictObject({ approved: z.boolean(), refusalReason: reason.optional(), legalBasis: basis.optional(), countyOpinion: z.string().max(2000).optional() })
    .refine(refusedNeedsReason, refusalMessage),
  'joint-review': z.strictObject({ approved: z.boolean(), refusalReason: reason.optional(), legalBasis: basis.optional() })
    .refine(refusedNeedsReason, refusalMessage),
  'initial-review': z.strictObject({ initialApproved: z.boolean(), initialOpinion: z.string().max(2000), refusalReason: reason.optional(), legalBasis: basis.optional() }),
  'county-review': z.strictObject({ countyOpinion: z.string().min(1).max(2000) }),
  review: z.strictObject({ opinion: z.string().max(2000).optional(), specialProcedure: specialProcedure.default(null) }),
  'special-procedure': z.strictObject({ outcome: z.string().max(2000).optional() }),
  correction: z.strictObject({ correctedMaterials: z.array(z.string().min(1).max(200)).max(50) }),
  coordination: z.strictObject({ answer: z.string().min(1).max(4000) }),
  // The window may restate the reasons in its own words; else the refusing opinions are printed as given.
  refusal: z.strictObject({ notifiedInWriting: z.boolean().default(true), refusalReason: reason.optional(), legalBasis: basis.optional() }),
  'rejection-review': z.strictObject({ refusalUpheld: z.boolean(), opinion: z.string().max(2000).optional() }),
  // Named apart from the case's own decision (approved), which the process reads at its outcome gateway.
  'extension-decision': z.strictObject({ extensionApproved: z.boolean(), extensionOpinion: z.string().trim().max(1000).optional() }),
};

/** Validates a form; a task without a known form takes no variables at all. */
export function parseForm(formKey: string | undefined, input: unknown): Record<string, unknown> {
  const schema = formKey ? forms[formKey] : undefined;
  return schema ? schema.parse(input ?? {}) : z.strictObject({}).parse(input ?? {});
}
