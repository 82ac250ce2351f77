import { z } from 'zod';
import type { Knex } from 'knex';
import type { NextFunction, Request, Response } from 'express';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { bearer } from './auth-routes.js';
import { ApiError } from './errors.js';
import { inboxEventsOf } from '../inbox-events/hub.js';
import type { SessionRules } from '../auth/sessions.js';

const workers = ['clerk', 'reviewer', 'director', 'supervisor', 'authority-head'] as const;

/** The ticket that opens GET /inbox/events (EventSource cannot send the session's header). */
export function inboxEventRoutes(db: Knex, engine: Engine, rules: SessionRules): AnyRoute[] {
  return [
    route({
      method: 'post', path: '/inbox/events/ticket', summary: '取得待办变动推送的凭据（用于 GET /inbox/events?ticket=，随登录会话失效）', tags: ['tasks'], roles: workers,
      response: z.object({ ticket: z.string(), stream: z.string() }),
      handler: async ({ req }) => {
        const ticket = await inboxEventsOf(db, engine, rules).ticket(bearer(req.headers.authorization) ?? '', engine.clock.now());
        return { ticket, stream: `/api/v1/inbox/events?ticket=${ticket}` };
      },
    }),
  ];
}

/** GET /inbox/events?ticket=…: a text/event-stream of `changed` events for the ticket's person. */
export function inboxEventStream(db: Knex, engine: Engine, rules: SessionRules) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : '';
      const hub = inboxEventsOf(db, engine, rules);
      const staff = ticket ? await hub.staffOf(ticket, engine.clock.now()) : undefined;
      if (!staff) throw new ApiError(401, 'UNAUTHENTICATED', '推送凭据无效或已过期，请重新取得');
      if (!staff.roles.some((r) => (workers as readonly string[]).includes(r))) throw new ApiError(403, 'FORBIDDEN', '无权执行此操作');
      await hub.open(staff, res);
    } catch (err) {
      next(err);
    }
  };
}
