import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An id a proxy or client sent that is safe to log and echo: short, no spaces or control characters. */
const SANE_ID = /^[A-Za-z0-9._:@-]{8,128}$/;

/** The request's id: the caller's X-Request-Id when it is sane (a proxy's, to follow it across), else a new UUID. Pure but for the UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}

/** Headers that carry a session or secret, dropped from the logged request whatever logger is given. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-api-key']);

/**
 * The logged form of a request's url: its path, and of its query only the names. A query's values are what a person
 * typed into a search (an applicant's name, an ID number, a tracking code): not for a log that many may read. Pure.
 */
export function loggedUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = [...new Set(url.slice(at + 1).split('&').map((pair) => pair.split('=')[0]!).filter(Boolean))];
  return names.length > 0 ? `${url.slice(0, at)}?${names.map((name) => `${name}=…`).join('&')}` : url.slice(0, at);
}

/**
 * One log line per request (method, path, status, time, request id), the id answered in
 * X-Request-Id so a clerk's report can be found; a 5xx at level error with its stack (the
 * error handler hands it over as `res.err`). Bodies and the values of a query are never logged.
 */
export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req.headers['x-request-id']);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_req, res, err) => (res.statusCode >= 500 || err ? 'error' : 'info'),
    serializers: {
      req: (req: { url?: string; headers?: Record<string, unknown> }) => ({
        ...req,
        url: loggedUrl(req.url),
        // Express's parsed query holds the same values: the url above names them.
        query: undefined,
        headers: Object.fromEntries(Object.entries(req.headers ?? {}).filter(([name]) => !SECRET_HEADERS.has(name.toLowerCase()))),
      }),
      res: (res: { headers?: Record<string, unknown> }) => {
        const { 'set-cookie': _cookie, ...headers } = res.headers ?? {};
        return { ...res, headers };
      },
    },
  }) as unknown as RequestHandler;
}
