import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { Role, Staff } from '../auth/types.js';
import { ApiError, forbidden } from './errors.js';

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
  body?: B;
  query?: Q;
  response: R;
  status?: number;
  handler: (input: { body: z.infer<B>; query: z.infer<Q>; params: Record<string, string>; staff?: Staff; req: Request }) => Promise<z.infer<R>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

export function route<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(spec: RouteSpec<B, Q, R>): RouteSpec<B, Q, R> {
  return spec;
}

/** Registers routes on a router under their express path (`:id` style). */
export function mount(router: Router, routes: readonly AnyRoute[]): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (req: Request, res: Response, next) => {
      try {
        const staff = authorize(spec, res.locals.staff as Staff | undefined);
        const body = spec.body ? spec.body.parse(req.body ?? {}) : undefined;
        const query = spec.query ? spec.query.parse(req.query) : undefined;
        const result = await spec.handler({ body, query, params: req.params as Record<string, string>, staff, req });
        res.status(spec.status ?? 200).json(result);
      } catch (err) {
        next(err);
      }
    });
  }
}

function authorize(spec: AnyRoute, staff: Staff | undefined): Staff | undefined {
  if (spec.roles === 'public') return staff;
  if (!staff) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
  if (spec.roles === 'any') return staff;
  if (!staff.roles.some((role) => (spec.roles as readonly Role[]).includes(role))) {
    throw forbidden(`此操作需要以下角色之一：${(spec.roles as readonly Role[]).join('、')}`);
  }
  return staff;
}
