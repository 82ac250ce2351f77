import { z } from 'zod';
import { PHONE_PATTERN } from '../validation/phone.js';
import { instant, recordWithInstants } from './instant.js';
import { noticeKinds } from '../notices/render.js';
import type { NoticeKind } from '../notices/render.js';

export { instant } from './instant.js';

/** The shapes the case routes answer with, shared so OpenAPI describes one of each. */
export const applicantSchema = z.object({
  kind: z.enum(['person', 'company']), name: z.string().trim().min(1).max(100), idNumber: z.string().max(18).optional(),
  creditCode: z.string().max(18).optional(), phone: z.string().regex(PHONE_PATTERN, '请填写有效的联系电话'), address: z.string().max(200).optional(),
});

const fileSchema = z.object({ id: z.string(), contentType: z.string(), size: z.number(), uploadedAt: instant });
export const materialSchema = z.object({ name: z.string(), required: z.boolean(), provided: z.boolean(), file: fileSchema.optional() });
const period = z.object({ days: z.number(), unit: z.enum(['working-days', 'days']) });
const stepSchema = z.object({
  taskId: z.string(), name: z.string(), elementId: z.string().optional(), formKey: z.string().optional(), openedAt: instant.optional(),
  limit: period.optional(), dueAt: instant.optional(), stopsClock: z.boolean().optional(),
  candidateGroups: z.array(z.string()).optional().meta({ description: '该环节的办理岗位组（窗口 clerk、审查 reviewer、部门 reviewer:<部门> 等）' }),
});
const clockStopSchema = z.object({
  kind: z.enum(['correction', 'special-procedure']), name: z.string(), days: z.number().optional(), unit: z.enum(['working-days', 'days']).optional(),
  stops: z.enum(['both', 'promised']).optional(), from: instant, to: instant.optional(),
});
const limitsSchema = z.object({
  promisedDays: z.number(), statutory: period.nullable(),
  specialProcedures: z.array(z.object({ name: z.string(), days: z.number(), unit: z.enum(['working-days', 'days']), countsTowardLimit: z.boolean() })),
  stepLimits: z.array(z.object({ step: z.string(), name: z.string(), days: z.number(), unit: z.enum(['working-days', 'days']) })),
});

/** A due date that moved after the case began (a holiday arrangement entered), and the notices that printed the old one. */
export const dateChangeSchema = z.object({
  at: instant, field: z.enum(['acceptanceDueAt', 'dueAt', 'statutoryDueAt']), from: instant.nullable(), to: instant.nullable(),
  reason: z.string(), printedOn: z.array(z.string()),
});

export const caseSchema = z.object({
  id: z.string(), caseNo: z.string(), itemCode: z.string(), itemName: z.string(), orgUnitId: z.string(), authorityId: z.string().optional(), status: z.string(),
  instanceId: z.string().optional(), ownerId: z.string().optional(), trackingCode: z.string().optional().describe('查询码：申请人凭办件编号和查询码查询进度（印在收件凭证、文书和二维码上）'), agency: z.object({ unitId: z.string(), clerkId: z.string(), at: instant }).optional(),
  applicant: applicantSchema, materials: z.array(materialSchema),
  receivedAt: instant, limits: limitsSchema.optional(), materialsCompleteAt: instant.optional(), acceptanceDueAt: instant.optional(),
  correction: z.object({ noticeAt: instant, days: z.number(), dueAt: instant }).optional(),
  acceptedAt: instant.optional(), acceptance: z.object({ kind: z.literal('deemed'), at: instant }).optional(),
  dueAt: instant.optional(), statutoryDueAt: instant.optional(), decidedAt: instant.optional(), extendedDays: z.number().optional(),
  currentSteps: z.array(stepSchema), cards: z.array(z.object({ colour: z.enum(['yellow', 'red']), at: instant, rule: z.string().optional(), dueAt: instant.optional() })),
  visits: z.number(), resultNo: z.string().optional(), version: z.number(), windowId: z.string().optional(),
  clockStoppedAt: instant.optional(), clockStops: z.array(clockStopSchema).optional(),
});

/**
 * A task's id as the inbox gives it (`<instance>~<n>`): URL-unreserved characters only, so it
 * goes into a path as it is; anything else (a `%`, a NUL, a `/`) is refused before it reaches a
 * query. A well-formed id of no task is answered 404 by the route.
 */
export const taskIdSchema = z.string().max(250, '待办编号过长').regex(/^[A-Za-z0-9._~-]+$/, '待办编号无效：只能由字母、数字和 . _ ~ - 组成，请使用待办列表给出的编号')
  .meta({ description: '待办编号，如 3f2a9c1e-…~7；可直接放在地址中，无需转义', examples: ['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d~7'] });

/** A task's form: its key and where its form-js definition is (GET href); one definition per formKey. */
export const formLinkSchema = z.object({ key: z.string(), href: z.string(), processId: z.string().optional(), version: z.number().optional() })
  .meta({ description: '本待办的表单：GET href 取得 form-js（1.23）表单定义，按 key（及流程版本，表单随该版本设计时）缓存；办理时按它提交 variables' });

export const taskSchema = z.object({
  id: taskIdSchema, elementId: z.string(), name: z.string().optional(), caseId: z.string(), caseNo: z.string(), itemName: z.string(), applicantName: z.string(),
  candidateGroups: z.array(z.string()), formKey: z.string().optional(), dueAt: instant.optional(), createdAt: instant, instanceId: z.string(), assignee: z.string().optional(),
  extension: z.object({ id: z.string(), days: z.number(), reason: z.string(), requestedBy: z.string(), requestedAt: instant }).optional(),
  form: formLinkSchema.optional(),
});

export const extensionSchema = z.object({
  id: z.string(), caseId: z.string(), days: z.number(), reason: z.string(), status: z.enum(['pending', 'approved', 'refused', 'lapsed']),
  requestedBy: z.string(), requestedAt: instant, decidedBy: z.string().optional(), decidedAt: instant.optional(), decisionNote: z.string().optional(),
});

export const trackSchema = z.object({
  caseNo: z.string(), itemName: z.string(), applicantName: z.string(), status: z.string(), statusName: z.string(),
  receivedAt: instant, acceptedAt: instant.optional(), dueAt: instant.optional(), clockStopped: z.boolean(),
  currentSteps: z.array(z.object({ name: z.string(), dueAt: instant.optional() })),
  clockStops: z.array(clockStopSchema.omit({ kind: true })), notices: z.array(z.object({ title: z.string(), issuedAt: instant })), visits: z.number(),
});

/** A line of a case's log (办理记录): who did what when; a detail's times are its `…At` fields. */
export const caseLogEntrySchema = z.object({
  seq: z.number().int(), at: instant, actorId: z.string().optional(), action: z.string(), detail: recordWithInstants,
});

/** A notice issued for a case; its printable page is at /cases/:id/notices/:noticeId. */
export const noticeSchema = z.object({
  id: z.string(), caseId: z.string(), kind: z.enum(Object.keys(noticeKinds) as [NoticeKind, ...NoticeKind[]]), title: z.string(),
  documentNo: z.string().optional().describe('发文字号：机关代字〔年〕N号'), authorityId: z.string().optional().describe('以其名义出具的实施机关'), createdAt: instant,
});
