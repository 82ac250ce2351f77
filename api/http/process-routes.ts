import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { ApiError } from './errors.js';
import { instant } from './schemas.js';
import { logSecurityEvent } from '../audit/security-log.js';
import { listProcesses } from '../processes/versions.js';
import { dropDraft, findDraft, saveDraft } from '../processes/drafts.js';
import { deployDraft } from '../processes/deploy.js';
import { checkDraft } from '../processes/validation.js';
import { draftChecks } from '../processes/checks.js';
import { draftDiff, processNamed, versionXml } from '../processes/service.js';
import { itemPolicies, setItemPolicy } from '../processes/item-policy.js';
import { migrateVersion } from '../processes/migration.js';
import { versionSteps } from '../processes/version-steps.js';
import { draftForm, dropDraftForms, saveDraftForm, versionForm } from '../processes/process-forms.js';

const ADMIN = ['administrator'] as const;
const tags = ['processes'];
const processId = z.string().regex(/^[A-Za-z_][\w.-]{0,99}$/, '流程编号应以字母开头，至多 100 位字母、数字、点、下划线或连字符');
const params = z.object({ processId }).passthrough() as unknown as z.ZodType<Record<string, string>>;
const version = z.coerce.number().int().min(1).max(1_000_000);

const versionSchema = z.object({
  version: z.number(), definitionKey: z.string(), sourceName: z.string(), deployedAt: instant,
  deployedBy: z.string().optional(), deployedByName: z.string().optional(), runningCases: z.number(),
  changedForms: z.array(z.string()).meta({ description: '此版本改动了表单的表单键（与上一版相比）' }),
  formsOnly: z.boolean().meta({ description: '流程图与上一版相同，只改了表单' }),
});
const summarySchema = z.object({
  processId: z.string(), sourceName: z.string(), purpose: z.string().optional(), changedByAdministrator: z.boolean(),
  draft: z.object({ origin: z.enum(['administrator', 'shipped']), updatedAt: instant, updatedBy: z.string().optional() }).optional(),
  versions: z.array(versionSchema),
});
const draftSchema = z.object({ processId: z.string(), sourceName: z.string(), xml: z.string(), origin: z.enum(['administrator', 'shipped']), updatedAt: instant, updatedBy: z.string().optional() });
const problemSchema = z.object({ elementId: z.string(), source: z.enum(['engine', 'lint']), rule: z.string(), message: z.string(), severity: z.enum(['error', 'warn']) });
const canonical: z.ZodType<unknown> = z.unknown();
const changeSchema = z.object({
  elementId: z.string(), type: z.string(), name: z.string().optional(), change: z.enum(['added', 'removed', 'changed']),
  properties: z.array(z.object({ property: z.string(), before: canonical.optional(), after: canonical.optional() })).optional(),
});
const policySchema = z.object({ itemCode: z.string(), itemName: z.string(), processId: z.string(), version: z.number().optional(), changedBy: z.string().optional(), changedAt: instant.optional() });
const migrationBody = z.strictObject({
  fromVersion: z.number().int().min(1), toVersion: z.number().int().min(1),
  mapping: z.record(z.string().max(200), z.string().max(200)).default({}).refine((m) => Object.keys(m).length <= 500, '映射不超过 500 项'),
});
const stepSchema = z.object({ elementId: z.string(), name: z.string().optional(), kind: z.string() });
const migrationProblem = z.object({
  code: z.enum(['NO_COUNTERPART', 'KIND_DIFFERS', 'LOOP_DIFFERS', 'LEAVES_SCOPE']), what: z.enum(['active element', 'event', 'join']), step: stepSchema, target: stepSchema,
});
const migrationLine = z.object({
  instanceId: z.string(), caseId: z.string().optional(), steps: z.array(stepSchema), moves: z.boolean(), reasons: z.array(z.string()), problems: z.array(migrationProblem),
});

/** 流程管理: processes, their versions, drafts, deploying, the diff, which flow each item runs, migrating cases. Administrators only. */
export function processRoutes(db: Knex, engine: Engine): AnyRoute[] {
  const now = () => engine.clock.now();
  const log = (staff: Staff, action: string, detail: Record<string, unknown>) => logSecurityEvent(db, { at: now(), actorId: staff.id, action, detail });
  return [
    route({
      method: 'get', path: '/processes', summary: '流程及其各版本（发布人、发布时间、各版本在办数）', tags, roles: ADMIN, response: z.array(summarySchema),
      handler: async () => listProcesses(db, engine),
    }),
    route({
      method: 'get', path: '/processes/:processId/versions/:version', summary: '某一版本的 BPMN（含图形）', tags, roles: ADMIN, params,
      response: z.object({ processId: z.string(), version: z.number(), xml: z.string() }),
      handler: async ({ params: p }) => ({ processId: p.processId!, version: version.parse(p.version), xml: await versionXml(engine, p.processId!, version.parse(p.version)) }),
    }),
    route({
      method: 'get', path: '/processes/:processId/draft', summary: '流程的草稿（管理员保存的，或平台新版本待审核）', tags, roles: ADMIN, params, response: draftSchema,
      handler: async ({ params: p }) => {
        const draft = await findDraft(db, p.processId!);
        if (!draft) throw new ApiError(404, 'DRAFT_NOT_FOUND', `流程 ${p.processId} 没有草稿`);
        return draft;
      },
    }),
    route({
      method: 'put', path: '/processes/:processId/draft', summary: '保存草稿（不发布）', tags, roles: ADMIN, params,
      body: z.strictObject({ xml: z.string().min(1, '草稿不能为空').max(240_000, '草稿过大') }), response: draftSchema,
      handler: async ({ params: p, body, staff }) => {
        const process = await processNamed(db, engine, p.processId!);
        const saved = await saveDraft(db, { processId: process.processId, sourceName: process.sourceName, xml: body.xml }, staff!.id, now());
        await log(staff!, 'process-draft-saved', { processId: process.processId, bytes: body.xml.length });
        return saved;
      },
    }),
    route({
      method: 'delete', path: '/processes/:processId/draft', summary: '丢弃草稿', tags, roles: ADMIN, params, response: z.object({ deleted: z.literal(true) }),
      handler: async ({ params: p, staff }) => {
        if (!(await dropDraft(db, p.processId!))) throw new ApiError(404, 'DRAFT_NOT_FOUND', `流程 ${p.processId} 没有草稿`);
        await dropDraftForms(db, p.processId!);
        await log(staff!, 'process-draft-dropped', { processId: p.processId });
        return { deleted: true as const };
      },
    }),
    route({
      method: 'get', path: '/processes/:processId/draft/problems', summary: '草稿的检查结果（引擎校验与平台规则）', tags, roles: ADMIN, params, response: z.array(problemSchema),
      handler: async ({ params: p }) => {
        const draft = await findDraft(db, p.processId!);
        if (!draft) throw new ApiError(404, 'DRAFT_NOT_FOUND', `流程 ${p.processId} 没有草稿`);
        return (await checkDraft(draft.xml, draftChecks)).problems;
      },
    }),
    route({
      method: 'get', path: '/processes/:processId/draft/diff', summary: '草稿与已发布版本的差异（新增、删除、修改的元素，含扩展属性）', tags, roles: ADMIN, params,
      query: z.object({ version: version.optional() }), response: z.object({ version: z.number(), changes: z.array(changeSchema), changedForms: z.array(z.string()).meta({ description: '草稿设计的、与该版本不同的表单的表单键' }) }),
      handler: async ({ params: p, query }) => draftDiff(db, engine, p.processId!, query.version),
    }),
    route({
      method: 'post', path: '/processes/:processId/deploy', summary: '将草稿发布为新版本（有错误时拒绝并列出原因；只改了表单时也成为新版本）', tags, roles: ADMIN, params, status: 201,
      response: z.object({
        processId: z.string(), version: z.number(), definitionKey: z.string(), processes: z.array(z.object({ processId: z.string(), version: z.number() })),
        changedForms: z.array(z.string()), formsOnly: z.boolean().meta({ description: '流程图与上一版相同，只因表单改动而成为新版本' }),
      }),
      handler: async ({ params: p, staff }) => {
        try {
          return await deployDraft(db, engine, staff!, p.processId!, draftChecks);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'DRAFT_INVALID') await log(staff!, 'process-deploy-refused', { processId: p.processId, problems: err.fields.length });
          throw err;
        }
      },
    }),
    route({
      method: 'get', path: '/processes/item-policies', summary: '各事项的办件启动哪个流程（最新版本或固定版本）', tags, roles: ADMIN, response: z.array(policySchema),
      handler: async () => itemPolicies(db),
    }),
    route({
      method: 'put', path: '/processes/item-policies/:code', summary: '改变事项的流程及版本策略', tags, roles: ADMIN,
      body: z.strictObject({ processId, version: z.number().int().min(1).optional() }), response: policySchema,
      handler: async ({ params: p, body, staff }) => {
        const process = await processNamed(db, engine, body.processId);
        if (body.version !== undefined && !process.versions.some((v) => v.version === body.version)) throw new ApiError(422, 'VERSION_NOT_FOUND', `流程 ${body.processId} 没有第 ${body.version} 版`, [{ field: 'version', problem: '没有此版本' }]);
        const policy = await setItemPolicy(db, p.code ?? '', body, staff!.id, now());
        await log(staff!, 'item-process-changed', { itemCode: policy.itemCode, processId: policy.processId, version: policy.version ?? 'newest' });
        return policy;
      },
    }),
    ...migrationRoutes(db, engine),
    ...processFormRoutes(db, engine),
  ];
}

function migrationRoutes(db: Knex, engine: Engine): AnyRoute[] {
  const run = (apply: boolean) => async ({ params: p, body, staff }: { params: Record<string, string>; body: z.output<typeof migrationBody>; staff?: Staff }) => {
    if (body.fromVersion >= body.toVersion) throw new ApiError(422, 'MIGRATION_INVALID', '只能从旧版本迁移到新版本', [{ field: 'toVersion', problem: '应大于 fromVersion' }]);
    await processNamed(db, engine, p.processId!);
    return migrateVersion(db, engine, staff!, { processId: p.processId!, ...body }, apply);
  };
  return [
    route({
      method: 'get', path: '/processes/:processId/versions/:version/steps', summary: '某一版本的各环节（编号、名称、种类），供迁移时对应新旧环节', tags, roles: ADMIN, params,
      response: z.array(stepSchema), handler: async ({ params: p }) => versionSteps(engine, p.processId!, version.parse(p.version)),
    }),
    route({
      method: 'post', path: '/processes/:processId/migrations/preview', summary: '迁移预览：旧版本的在办件哪些可迁移、哪些不能及原因（不迁移）', tags, roles: ADMIN, params,
      body: migrationBody, response: z.array(migrationLine), handler: run(false),
    }),
    route({
      method: 'post', path: '/processes/:processId/migrations', summary: '将旧版本的在办件迁移到新版本（不能迁移的留在原版本）', tags, roles: ADMIN, params,
      body: migrationBody, response: z.array(migrationLine), handler: run(true),
    }),
  ];
}

const formKey = z.string().regex(/^[A-Za-z_][\w-]{0,99}$/, '表单键应以字母开头，至多 100 位字母、数字、下划线或连字符');
const formParams = z.object({ processId, formKey }).passthrough() as unknown as z.ZodType<Record<string, string>>;
const formSchema = z.record(z.string(), z.unknown()).meta({ description: '@bpmn-io/form-js 1.23 表单定义（schemaVersion 19），id 与表单键相同' });
const processForm = z.object({ formKey: z.string(), schema: formSchema, origin: z.enum(['draft', 'version', 'platform', 'new']) });

/** Task forms designed in the modeler (form-js editor), kept with the draft and, once deployed, with its version. */
function processFormRoutes(db: Knex, engine: Engine): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/processes/:processId/draft/forms/:formKey', summary: '草稿中一个环节表单（草稿设计的，否则最新版本的或平台的，否则空白表单）', tags, roles: ADMIN, params: formParams,
      response: processForm,
      handler: async ({ params: p }) => draftForm(db, p.processId!, (await processNamed(db, engine, p.processId!)).versions[0]!.version, p.formKey!),
    }),
    route({
      method: 'put', path: '/processes/:processId/draft/forms/:formKey', summary: '保存为草稿设计的环节表单（按平台表单的规则检查；发布时随新版本保存）', tags, roles: ADMIN, params: formParams,
      body: z.strictObject({ schema: formSchema }), response: processForm,
      handler: async ({ params: p, body, staff }) => {
        await processNamed(db, engine, p.processId!);
        const saved = await saveDraftForm(db, p.processId!, p.formKey!, body.schema, staff!.id, engine.clock.now());
        await logSecurityEvent(db, { at: engine.clock.now(), actorId: staff!.id, action: 'process-form-saved', detail: { processId: p.processId, formKey: p.formKey } });
        return saved;
      },
    }),
    route({
      method: 'get', path: '/processes/:processId/versions/:version/forms/:formKey', summary: '某一版本的环节表单（随该版本设计的，否则平台的）', tags, roles: ADMIN, params: formParams,
      response: processForm,
      handler: async ({ params: p }) => versionForm(db, p.processId!, version.parse(p.version), p.formKey!),
    }),
  ];
}
