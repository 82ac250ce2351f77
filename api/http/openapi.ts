import { z } from 'zod';
import type { AnyRoute } from './routes.js';
import type { RawRoute } from './raw-routes.js';
import { errorBodySchema } from './errors.js';

const openApiPath = (path: string) => `/api/v1${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
const pathParameters = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. Pure. */
export function openApiDocument(routes: readonly AnyRoute[], raw: readonly RawRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) (paths[openApiPath(spec.path)] ??= {})[spec.method] = operation(spec);
  for (const spec of raw) (paths[openApiPath(spec.path)] ??= {})[spec.method] = rawOperation(spec);
  return {
    openapi: '3.1.0',
    info: { title: 'yichuang 一窗 API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Error: schemaOf(errorBodySchema) } },
    paths,
  };
}

const errorResponse = { description: '错误：{ error: { code, message, fields } }', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

function operation(spec: AnyRoute): Record<string, unknown> {
  const params = pathParameters(spec.path);
  const query = spec.query ? queryParameters(spec.query) : [];
  return {
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.roles === 'public' ? {} : { security: [{ bearer: [] }], 'x-roles': spec.roles }),
    parameters: [...params, ...query],
    ...(spec.upload ? { requestBody: { required: true, content: Object.fromEntries(spec.upload.types.map((t) => [t, { schema: { type: 'string', format: 'binary', maxLength: spec.upload!.limit } }])) } } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body) } } } } : {}),
    responses: {
      [String(spec.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: schemaOf(spec.response) } } },
      default: errorResponse,
    },
  };
}

function rawOperation(spec: RawRoute): Record<string, unknown> {
  return {
    summary: spec.summary, security: [{ bearer: [] }], 'x-roles': spec.roles, parameters: pathParameters(spec.path),
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
