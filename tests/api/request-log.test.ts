import { describe, expect, it } from '@jest/globals';
import { startServer } from './support.js';
import { createLogger } from '../../api/log.js';
import { DEMO_PASSWORD } from '../../api/seed/demo-county.js';

/** A logger writing JSON lines into an array, as the server would to stdout. */
function capturedLog() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => { lines.push(line); } } });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, any>) }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('the request log', () => {
  it('answers every request with a request id, taking a sane one the caller sent and replacing an odd one', async () => {
    const server = await startServer(undefined, { logger: capturedLog().logger });
    const mine = await fetch(`${server.url}/api/v1/items`, { headers: { 'x-request-id': 'proxy-7f3a9c21' } });
    expect(mine.headers.get('x-request-id')).toBe('proxy-7f3a9c21');
    const odd = await fetch(`${server.url}/api/v1/items`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const none = await fetch(`${server.url}/api/v1/items`);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a failure (500) with its stack and the request id the client was given', async () => {
    const log = capturedLog();
    const server = await startServer(undefined, { logger: log.logger });
    const token = await server.login('ob.clerk.a');
    // A real fault inside the server: its table is gone.
    await server.store.knex.schema.dropTable('yc_intake_drafts');
    const res = await fetch(`${server.url}/api/v1/intake-drafts`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toMatch(/yc_intake_drafts|at /);
    const id = res.headers.get('x-request-id');
    const line = log.parsed().find((l) => l.req?.id === id);
    expect(line).toMatchObject({ level: 50, res: { statusCode: 500 } });
    expect(line!.err.stack).toMatch(/yc_intake_drafts[\s\S]*\n\s+at /);
  });

  it('never writes a password, a session token or an Authorization header', async () => {
    const log = capturedLog();
    const server = await startServer(undefined, { logger: log.logger });
    const wrong = 'Wrong-Secret-4711';
    expect((await server.call('POST', '/auth/login', { body: { username: 'ob.clerk.a', password: wrong } })).status).toBe(401);
    expect((await server.call('POST', '/auth/login', { body: { username: '', password: wrong } })).status).toBe(400);
    const token = await server.login('ob.clerk.a');
    expect((await server.call('GET', '/me', { token, headers: { cookie: 'sid=cookie-secret-99' } })).status).toBe(200);
    // A sign-in that fails inside the server is logged with its stack, still without the password.
    await server.store.knex.schema.dropTable('yc_sessions');
    expect((await server.call('POST', '/auth/login', { body: { username: 'ob.clerk.a', password: DEMO_PASSWORD } })).status).toBe(500);
    const output = log.lines.join('');
    expect(log.lines.length).toBeGreaterThanOrEqual(5);
    for (const secret of [wrong, DEMO_PASSWORD, token, 'cookie-secret-99']) expect(output).not.toContain(secret);
    expect(output).toContain('/api/v1/auth/login');
  });

  it('logs a query\'s names, not what was searched for (a name, an ID number, a tracking code)', async () => {
    const log = capturedLog();
    const server = await startServer(undefined, { logger: log.logger });
    const token = await server.login('ob.clerk.a');
    expect((await server.call('GET', `/inbox?applicant=${encodeURIComponent('欧阳秘密')}&limit=5`, { token })).status).toBe(200);
    const output = log.lines.join('');
    expect(output).not.toContain('欧阳秘密');
    expect(output).not.toContain(encodeURIComponent('欧阳秘密'));
    expect(log.parsed().some((l) => l.req?.url === '/api/v1/inbox?applicant=…&limit=…')).toBe(true);
  });
});
