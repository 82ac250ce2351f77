import createClient from 'openapi-fetch';
import type { paths } from './schema.js';
import { failureOf, unreachable } from './failure.js';

/** What the client needs from the session, given once at start (so the client imports no store). */
export interface ApiHooks {
  token: () => string | undefined;
  /** A signed-in call answered 401: the session ended (expired, or signed out elsewhere). */
  onUnauthorized: () => void;
}

let hooks: ApiHooks = { token: () => undefined, onUnauthorized: () => undefined };

/** Connects the client to the session. Not pure: sets the hooks every later call uses. */
export function connectApi(next: ApiHooks): void {
  hooks = next;
}

/** The typed client of /api/v1: paths, parameters and bodies checked against the generated types. */
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  onRequest({ request }) {
    const token = hooks.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) hooks.onUnauthorized();
    return response;
  },
});

/**
 * The data of a call, or an ApiFailure with a message for people (the server's own, or one
 * by status; "cannot reach the server" when the network fails). Not pure: awaits the call.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const result = await call.catch(() => undefined);
  if (!result) throw unreachable();
  if (!result.response.ok) throw failureOf(result.response.status, result.error);
  return result.data as T;
}
