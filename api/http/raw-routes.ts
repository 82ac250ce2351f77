import type { NextFunction, Request, Response, Router } from 'express';
import type { Role, Staff } from '../auth/types.js';
import { ApiError, passwordChangeRequired } from './errors.js';
import { refuseNul } from './nul-characters.js';

/**
 * A route whose answer is not JSON (a printable notice, a scanned material): declared with
 * its roles like the JSON routes, so the access test and OpenAPI list it too.
 */
export interface RawRoute {
  method: 'get';
  path: string;
  summary: string;
  roles: readonly Role[] | 'any';
  /** The media types it answers with. */
  produces: readonly string[];
  handler: (input: { staff: Staff; params: Record<string, string>; res: Response }) => Promise<void>;
}

export function mountRaw(router: Router, routes: readonly RawRoute[]): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        refuseNul({ query: req.query, params: req.params });
        const staff = res.locals.staff as Staff | undefined;
        if (!staff) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
        if (staff.mustChangePassword) throw passwordChangeRequired();
        if (spec.roles !== 'any' && !staff.roles.some((r) => (spec.roles as readonly Role[]).includes(r))) throw new ApiError(403, 'FORBIDDEN', '无权执行此操作');
        await spec.handler({ staff, params: req.params as Record<string, string>, res });
      } catch (err) {
        next(err);
      }
    });
  }
}
