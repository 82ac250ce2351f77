import './zod-locale.js';
import express from 'express';
import type { Knex } from 'knex';
import type { Engine } from '../engine/index.js';
import { errorHandler, notFound } from './http/errors.js';
import { mount } from './http/routes.js';
import type { AnyRoute } from './http/routes.js';
import { mountRaw } from './http/raw-routes.js';
import type { RawRoute } from './http/raw-routes.js';
import { openApiDocument } from './http/openapi.js';
import { DOCS_PATH, OPENAPI_PATH, apiDocs } from './http/docs.js';
import { authRoutes, bearer } from './http/auth-routes.js';
import { orgRoutes } from './http/org-routes.js';
import { staffRoutes } from './http/staff-routes.js';
import { securityLogRoutes } from './http/security-log-routes.js';
import { catalogRoutes } from './http/catalog-routes.js';
import { caseRoutes } from './http/case-routes.js';
import { taskRoutes } from './http/task-routes.js';
import { taskHoldingRoutes } from './http/task-holding-routes.js';
import { inboxViewRoutes } from './http/inbox-view-routes.js';
import { inboxRoutes } from './http/inbox-routes.js';
import { inboxEventRoutes, inboxEventStream } from './http/inbox-event-routes.js';
import { inboxEventsOf } from './inbox-events/hub.js';
import type { InboxFeed } from './inbox-events/feed.js';
import { extensionRoutes } from './http/extension-routes.js';
import { materialFiles, materialRoutes } from './http/material-routes.js';
import { trackingRoutes } from './http/tracking-routes.js';
import { noticePages } from './http/notice-routes.js';
import { authorityRoutes } from './http/authority-routes.js';
import { calendarRoutes } from './http/calendar-routes.js';
import { processRoutes } from './http/process-routes.js';
import { diagramRoutes } from './http/diagram-routes.js';
import { intakeDraftRoutes } from './http/intake-draft-routes.js';
import { formRoutes } from './http/form-routes.js';
import { platformForms } from './forms/registry.js';
import type { FormRegistry } from './forms/registry.js';
import { formSchemas } from './forms/json-schema.js';
import { sessionRules, sessionStaff } from './auth/sessions.js';
import { DOCS_CSP, noStore, securityHeaders } from './http/security-headers.js';
import { webPages } from './http/web-pages.js';
import type { LimiterStore } from './security/limiters.js';
import { memoryLimiters } from './security/limiters.js';
import { DEFAULT_SECURITY } from './security/settings.js';
import type { SecuritySettings } from './security/settings.js';
import { LoginThrottle } from './auth/login-throttle.js';
import type { TrustProxy } from './http/trust-proxy.js';
import type { Logger } from 'pino';
import { createLogger } from './log.js';
import { requestLog } from './http/request-log.js';

export interface ServerParts {
  db: Knex;
  engine: Engine;
  now?: () => number;
  /** Where the rate limits (sign-in, public tracking) count (default: this process); shared in Redis in server mode. */
  limiters?: LimiterStore;
  /** Limits, timeouts and quotas (default: DEFAULT_SECURITY; `npm start` reads them from the environment). */
  security?: SecuritySettings;
  /** Whether X-Forwarded-For names the client (behind a reverse proxy); default off. */
  trustProxy?: TrustProxy;
  /** The folder of the built pages (web/dist), served at `/`; without it only the API answers. */
  pages?: string;
  /** The user tasks' forms (default: the platform's, processes/forms). */
  forms?: FormRegistry;
  /** Where requests and failures are logged (default: a new logger on stdout, `YC_LOG_LEVEL`). */
  logger?: Logger;
  /** Where inbox changes are said and heard (default: this process); Redis in server mode, shared with the workers. */
  inboxFeed?: InboxFeed;
}

/** Every JSON route of /api/v1, declared once: express mounts them, OpenAPI describes them. */
export function apiRoutes(parts: ServerParts): AnyRoute[] {
  const now = parts.now ?? (() => parts.engine.clock.now());
  const { db, engine } = parts;
  const forms = parts.forms ?? platformForms();
  const limiters = parts.limiters ?? memoryLimiters();
  const security = parts.security ?? DEFAULT_SECURITY;
  return [
    ...authRoutes(db, now, new LoginThrottle(limiters, security), sessionRules(security)), ...orgRoutes(db, now), ...staffRoutes(db, now), ...securityLogRoutes(db), ...catalogRoutes(db), ...caseRoutes(db, engine), ...taskRoutes(db, engine, forms), ...formRoutes(forms, db),
    ...extensionRoutes(db, engine), ...materialRoutes(db, engine, security.caseQuotaBytes), ...trackingRoutes(db, limiters, security), ...calendarRoutes(db, engine),
    ...diagramRoutes(db, engine), ...intakeDraftRoutes(db, engine), ...authorityRoutes(db),
    ...taskHoldingRoutes(db, engine), ...inboxViewRoutes(db, engine), ...inboxEventRoutes(db, engine, sessionRules(security)),
    ...inboxRoutes(db, engine),
    ...processRoutes(db, engine),
  ];
}

/** The routes that answer with a page or a file rather than JSON. */
export function rawRoutes(parts: ServerParts): RawRoute[] {
  return [...noticePages(parts.db), ...materialFiles(parts.db)];
}

/** The OpenAPI document of /api/v1. Pure: building the routes touches neither database nor engine. */
export function apiDocument(parts: ServerParts): Record<string, unknown> {
  return openApiDocument(apiRoutes(parts), rawRoutes(parts), '0.1.0', formSchemas(parts.forms ?? platformForms()));
}

/** The case server as an express app: JSON API under /api/v1, the OpenAPI document beside it, the pages at `/`. */
export function createApp(parts: ServerParts): express.Express {
  const app = express();
  const now = parts.now ?? (() => parts.engine.clock.now());
  const routes = apiRoutes(parts);
  const raw = rawRoutes(parts);
  app.disable('x-powered-by');
  app.set('trust proxy', parts.trustProxy ?? false);
  app.use(requestLog(parts.logger ?? createLogger()));
  const rules = sessionRules(parts.security ?? DEFAULT_SECURITY);
  app.use(securityHeaders());
  app.use('/api', noStore);
  app.use(async (req, res, next) => {
    const token = bearer(req.headers.authorization);
    try {
      if (token) res.locals.staff = await sessionStaff(parts.db, token, now(), rules);
      next();
    } catch (err) {
      next(err);
    }
  });
  const document = apiDocument(parts);
  app.get(OPENAPI_PATH, (_req, res) => {
    res.json(document);
  });
  app.use(DOCS_PATH, (_req, res, next) => {
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    next();
  }, ...apiDocs());
  // Made now, not at the first stream: it says this engine's inbox changes to the other api processes from the start.
  inboxEventsOf(parts.db, parts.engine, rules, parts.inboxFeed);
  const api = express.Router();
  api.get('/inbox/events', inboxEventStream(parts.db, parts.engine, rules));
  mountRaw(api, raw);
  mount(api, routes, { db: parts.db, now });
  app.use('/api/v1', api);
  app.use('/api', (_req, _res, next) => next(notFound('接口')));
  if (parts.pages) app.use(webPages(parts.pages));
  app.use(errorHandler);
  return app;
}
