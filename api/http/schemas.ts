import { z } from 'zod';

/** The shapes the case routes answer with, shared so OpenAPI describes one of each. */
export const applicantSchema = z.object({
  kind: z.enum(['person', 'company']), name: z.string().trim().min(1).max(100), idNumber: z.string().max(18).optional(),
  creditCode: z.string().max(18).optional(), phone: z.string().regex(/^[0-9+\-\s]{7,20}$/, '请填写有效的联系电话'), address: z.string().max(200).optional(),
});

const fileSchema = z.object({ id: z.string(), contentType: z.string(), size: z.number(), uploadedAt: z.number() });
export const materialSchema = z.object({ name: z.string(), required: z.boolean(), provided: z.boolean(), file: fileSchema.optional() });
const period = z.object({ days: z.number(), unit: z.enum(['working-days', 'days']) });
const stepSchema = z.object({
  taskId: z.string(), name: z.string(), elementId: z.string().optional(), formKey: z.string().optional(), openedAt: z.number().optional(),
  limit: period.optional(), dueAt: z.number().optional(), stopsClock: z.boolean().optional(),
});
const clockStopSchema = z.object({
  kind: z.enum(['correction', 'special-procedure']), name: z.string(), days: z.number().optional(), unit: z.enum(['working-days', 'days']).optional(),
  stops: z.enum(['both', 'promised']).optional(), from: z.number(), to: z.number().optional(),
});
const limitsSchema = z.object({
  promisedDays: z.number(), statutory: period.nullable(),
  specialProcedures: z.array(z.object({ name: z.string(), days: z.number(), unit: z.enum(['working-days', 'days']), countsTowardLimit: z.boolean() })),
  stepLimits: z.array(z.object({ step: z.string(), name: z.string(), days: z.number(), unit: z.enum(['working-days', 'days']) })),
});

/** A due date that moved after the case began (a holiday arrangement entered), and the notices that printed the old one. */
export const dateChangeSchema = z.object({
  at: z.number(), field: z.enum(['acceptanceDueAt', 'dueAt', 'statutoryDueAt']), from: z.number().nullable(), to: z.number().nullable(),
  reason: z.string(), printedOn: z.array(z.string()),
});

export const caseSchema = z.object({
  id: z.string(), caseNo: z.string(), itemCode: z.string(), itemName: z.string(), orgUnitId: z.string(), authorityId: z.string().optional(), status: z.string(),
  instanceId: z.string().optional(), ownerId: z.string().optional(), applicant: applicantSchema, materials: z.array(materialSchema),
  receivedAt: z.number(), limits: limitsSchema.optional(), materialsCompleteAt: z.number().optional(), acceptanceDueAt: z.number().optional(),
  correction: z.object({ noticeAt: z.number(), days: z.number(), dueAt: z.number() }).optional(),
  acceptedAt: z.number().optional(), acceptance: z.object({ kind: z.literal('deemed'), at: z.number() }).optional(),
  dueAt: z.number().optional(), statutoryDueAt: z.number().optional(), decidedAt: z.number().optional(), extendedDays: z.number().optional(),
  currentSteps: z.array(stepSchema), cards: z.array(z.object({ colour: z.enum(['yellow', 'red']), at: z.number(), rule: z.string().optional(), dueAt: z.number().optional() })),
  visits: z.number(), resultNo: z.string().optional(), version: z.number(), windowId: z.string().optional(),
  clockStoppedAt: z.number().optional(), clockStops: z.array(clockStopSchema).optional(),
});

export const taskSchema = z.object({
  id: z.string(), elementId: z.string(), name: z.string().optional(), caseId: z.string(), caseNo: z.string(), itemName: z.string(), applicantName: z.string(),
  candidateGroups: z.array(z.string()), formKey: z.string().optional(), dueAt: z.number().optional(), createdAt: z.number(), instanceId: z.string(), assignee: z.string().optional(),
  extension: z.object({ id: z.string(), days: z.number(), reason: z.string(), requestedBy: z.string(), requestedAt: z.number() }).optional(),
});

export const extensionSchema = z.object({
  id: z.string(), caseId: z.string(), days: z.number(), reason: z.string(), status: z.enum(['pending', 'approved', 'refused', 'lapsed']),
  requestedBy: z.string(), requestedAt: z.number(), decidedBy: z.string().optional(), decidedAt: z.number().optional(), decisionNote: z.string().optional(),
});

export const trackSchema = z.object({
  caseNo: z.string(), itemName: z.string(), applicantName: z.string(), status: z.string(), statusName: z.string(),
  receivedAt: z.number(), acceptedAt: z.number().optional(), dueAt: z.number().optional(), clockStopped: z.boolean(),
  currentSteps: z.array(z.object({ name: z.string(), dueAt: z.number().optional() })),
  clockStops: z.array(clockStopSchema.omit({ kind: true })), notices: z.array(z.object({ title: z.string(), issuedAt: z.number() })), visits: z.number(),
});
