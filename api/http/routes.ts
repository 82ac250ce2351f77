import express from 'express';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { Role, Staff } from '../auth/types.js';
import { ApiError, forbidden, passwordChangeRequired } from './errors.js';
import { encodeAnswer, precisionOf } from './answer.js';
import { refuseNul } from './nul-characters.js';
import { REPLAYED_HEADER, onceByKey } from './idempotency.js';
import type { KeyStore } from './idempotency.js';

/** JSON bodies larger than this are refused before they are read (uploads declare their own limit). */
export const JSON_LIMIT = '256kb';

/**
 * A route declared once: path, roles, zod schemas and handler. The same declaration
 * registers the express handler (validating input) and describes itself in OpenAPI.
 */
export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, R extends z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tags: string[];
  /** Who may call it; `public` needs no login. */
  roles: readonly Role[] | 'public' | 'any';
  /** Open to a person who signed in with a one-time password and has not changed it yet (changing it, signing out, who am I). */
  beforePasswordChange?: true;
  body?: B;
  query?: Q;
  /** The body as OpenAPI shows it, when its zod schema cannot say it all (a task's answer depends on its form). */
  describeBody?: () => Record<string, unknown>;
  /** The path's parameters, checked when a route needs more than express's once-decoded strings (a task id's form). */
  params?: z.ZodType<Record<string, string>>;
  /** A file upload: the raw body (a Buffer) of any declared type, up to `limit` bytes, instead of JSON. */
  upload?: { limit: number; types: readonly string[] };
  /**
   * Checks made before the body is read (the target exists, the caller may write to it, there is
   * room): an upload refused here costs the server no more than its headers.
   */
  before?: (input: { params: Record<string, string>; staff?: Staff; req: Request }) => Promise<void>;
  /** What it answers with: the handler's result is encoded through it (instants become ISO 8601). */
  response: R;
  status?: number;
  /** `retried`: the request retries, under its Idempotency-Key, a first attempt that died unanswered (api/http/idempotency.ts). */
  handler: (input: { body: z.output<B>; query: z.output<Q>; params: Record<string, string>; staff?: Staff; req: Request; retried?: boolean }) => Promise<z.output<R>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

export function route<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(spec: RouteSpec<B, Q, R>): RouteSpec<B, Q, R> {
  return spec;
}

/**
 * Registers routes on a router under their express path (`:id` style). The caller is
 * authorized before the body is read, so an anonymous client cannot make us read 10 MB.
 * With `keys`, signed-in POSTs honour an Idempotency-Key header (api/http/idempotency.ts).
 */
export function mount(router: Router, routes: readonly AnyRoute[], keys?: KeyStore): void {
  for (const spec of routes) {
    const parse = spec.upload ? express.raw({ type: () => true, limit: spec.upload.limit }) : express.json({ limit: JSON_LIMIT });
    router[spec.method](spec.path, authorizing(spec), checkingFirst(spec), parse, async (req: Request, res: Response, next: NextFunction) => {
      try {
        refuseNul({ body: spec.upload ? undefined : req.body, query: req.query, params: req.params });
        const body = spec.upload ? (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)) : spec.body ? spec.body.parse(req.body ?? {}) : undefined;
        const { precision, query: asked } = precisionOf(req);
        const query = spec.query ? spec.query.parse(asked) : undefined;
        const params = spec.params ? spec.params.parse(req.params) : (req.params as Record<string, string>);
        const staff = res.locals.staff as Staff | undefined;
        // Every signed-in POST takes an Idempotency-Key: a retried create answers as the first did.
        const answer = await onceByKey(keys, spec.method === 'post' && spec.roles !== 'public' ? staff?.id : undefined, req, async (retried) => {
          const result = await spec.handler({ body, query, params, staff, req, retried });
          return { status: spec.status ?? 200, body: encodeAnswer(spec.response, result, precision) };
        });
        if (answer.replayed) res.setHeader(REPLAYED_HEADER, 'true');
        res.status(answer.status).json(answer.body);
      } catch (err) {
        next(err);
      }
    });
  }
}

function checkingFirst(spec: AnyRoute): RequestHandler {
  return (req, res, next) => {
    if (!spec.before) return next();
    const params = spec.params ? spec.params.safeParse(req.params) : { success: true as const, data: req.params as Record<string, string> };
    if (!params.success) return next(params.error);
    spec.before({ params: params.data, staff: res.locals.staff as Staff | undefined, req }).then(() => next(), next);
  };
}

function authorizing(spec: AnyRoute): RequestHandler {
  return (_req, res, next) => {
    try {
      authorize(spec, res.locals.staff as Staff | undefined);
      next();
    } catch (err) {
      next(err);
    }
  };
}

function authorize(spec: AnyRoute, staff: Staff | undefined): void {
  if (spec.roles === 'public') return;
  if (!staff) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
  if (staff.mustChangePassword && !spec.beforePasswordChange) throw passwordChangeRequired();
  if (spec.roles === 'any') return;
  if (!staff.roles.some((role) => (spec.roles as readonly Role[]).includes(role))) {
    throw forbidden(`此操作需要以下角色之一：${(spec.roles as readonly Role[]).join('、')}`);
  }
}
