import { z } from 'zod';
import type { AnyRoute } from './routes.js';
import type { RawRoute } from './raw-routes.js';
import { errorBodySchema } from './errors.js';
import { TIME_PRECISION_PARAM } from './answer.js';

const openApiPath = (path: string) => `/api/v1${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
/** The path's parameters, with the schema a route declares for them (else any string). Pure. */
function pathParameters(path: string, declared?: z.ZodType): unknown[] {
  const properties = declared ? (schemaOf(declared) as { properties?: Record<string, unknown> }).properties ?? {} : {};
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: properties[m[1]!] ?? { type: 'string' } }));
}

/** The route groups as the reference lists them, in this order. */
const TAGS = [
  { name: 'auth', description: '登录与当前登录人' }, { name: 'org', description: '单位、中心与工作人员（AB岗）' },
  { name: 'catalog', description: '事项目录与办事指南（公开）' }, { name: 'cases', description: '办件：收件、详情、文书、材料、撤件、移交' },
  { name: 'tasks', description: '待办与办理（按表单校验）' }, { name: 'extensions', description: '延期申请与审批' },
  { name: 'public', description: '申请人查询办件进度（公开）' },
];

const DESCRIPTION = [
  '乡镇（街道）、村（社区）便民服务中心办件平台的接口。',
  '登录：POST /auth/login 取得 token，点击 Authorize 填入（Bearer）。',
  '时间：一律为带时区的 ISO 8601（如 2026-03-02T09:00:00+08:00），默认精确到秒，加 ?timePrecision=ms 精确到毫秒。',
  '错误：{ error: { code, message, fields } }，message 为中文，fields 指出要改正的字段。',
].join('\n\n');

/** Every JSON answer writes its times to the second; a client that needs milliseconds asks for them. */
const timePrecisionParameter = {
  name: TIME_PRECISION_PARAM, in: 'query', required: false, schema: { type: 'string', enum: ['s', 'ms'], default: 's' },
  description: '应答中时间的精度：s（默认，如 2026-03-02T09:00:00+08:00）或 ms（如 2026-03-02T09:00:00.123+08:00）',
};

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. Pure. */
export function openApiDocument(routes: readonly AnyRoute[], raw: readonly RawRoute[], version: string, schemas: Record<string, unknown> = {}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) (paths[openApiPath(spec.path)] ??= {})[spec.method] = operation(spec);
  for (const spec of raw) (paths[openApiPath(spec.path)] ??= {})[spec.method] = rawOperation(spec);
  return {
    openapi: '3.1.0',
    info: { title: 'yichuang 一窗 API', version, description: DESCRIPTION },
    tags: TAGS,
    components: {
      schemas: { ...schemas, Error: schemaOf(errorBodySchema) }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      parameters: { timePrecision: timePrecisionParameter, idempotencyKey: idempotencyKeyParameter },
    },
    paths,
  };
}

const idempotencyKeyParameter = {
  name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
  description: '可选。每次新的提交用一个新值（如 UUID），超时后重试时沿用原值：24 小时内同一工作人员以同一键值、同一内容重试，得到第一次的答复（状态码与内容相同，不会重复办理），答复带 Idempotency-Replayed: true；同一键值、不同内容则 422',
};

const errorResponse = { description: '错误：{ error: { code, message, fields } }', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

function operation(spec: AnyRoute): Record<string, unknown> {
  const params = pathParameters(spec.path, spec.params);
  const query = spec.query ? queryParameters(spec.query) : [];
  return {
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.roles === 'public' ? {} : { security: [{ bearer: [] }], 'x-roles': spec.roles }),
    parameters: [...params, ...query, { $ref: '#/components/parameters/timePrecision' }, ...(spec.method === 'post' && spec.roles !== 'public' ? [{ $ref: '#/components/parameters/idempotencyKey' }] : [])],
    ...(spec.upload ? { requestBody: { required: true, content: Object.fromEntries(spec.upload.types.map((t) => [t, { schema: { type: 'string', format: 'binary', maxLength: spec.upload!.limit } }])) } } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: spec.describeBody?.() ?? schemaOf(spec.body) } } } } : {}),
    responses: {
      [String(spec.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: schemaOf(spec.response) } } },
      default: errorResponse,
    },
  };
}

function rawOperation(spec: RawRoute): Record<string, unknown> {
  return {
    summary: spec.summary, tags: [spec.path.split('/')[1]], security: [{ bearer: [] }], 'x-roles': spec.roles, parameters: pathParameters(spec.path),
    responses: { 200: { description: 'OK', content: Object.fromEntries(spec.produces.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }, default: errorResponse },
  };
}

function schemaOf(schema: z.ZodType): unknown {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return rest;
}

function queryParameters(schema: z.ZodType): unknown[] {
  const json = schemaOf(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name, in: 'query', required: json.required?.includes(name) ?? false, schema: property,
  }));
}
