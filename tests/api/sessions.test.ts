import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { securitySettings } from '../../api/security/settings.js';
import { createApp } from '../../api/server.js';

const minutes = (n: number) => n * 60_000;
const me = (server: TestServer, token: string) => server.call('GET', '/me', { token });

describe('sessions', () => {
  test('a session ends after 30 minutes without a request (the default); requests keep it alive', async () => {
    const server = await startServer(undefined, { security: securitySettings() });
    const token = await server.login('ob.clerk.a');
    for (const step of [20, 20, 29]) {
      await server.engine.advanceTime(minutes(step));
      expect((await me(server, token)).status).toBe(200);
    }
    await server.engine.advanceTime(minutes(30));
    expect((await me(server, token)).status).toBe(401);
  });

  test('at most the set number of sessions per person: signing in once more ends the oldest', async () => {
    const server = await startServer(undefined, { security: securitySettings({ sessionsPerPerson: 2 }) });
    const first = await server.login('ob.clerk.a');
    await server.engine.advanceTime(1000);
    const second = await server.login('ob.clerk.a');
    await server.engine.advanceTime(1000);
    const third = await server.login('ob.clerk.a');
    expect([(await me(server, first)).status, (await me(server, second)).status, (await me(server, third)).status]).toEqual([401, 200, 200]);
    expect((await me(server, await server.login('ob.clerk.b'))).status).toBe(200);
  });

  test('ended sessions are deleted from the table, not only refused', async () => {
    const server = await startServer(undefined, { security: securitySettings() });
    await server.login('ob.clerk.a');
    await server.login('ob.clerk.b');
    await server.engine.advanceTime(minutes(31));
    await server.login('ob.director');
    expect((await server.store.knex('yc_sessions').select('staff_id')).map((r: { staff_id: string }) => r.staff_id)).toEqual(['s-ob-director']);
  });
});

describe('headers', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  test('every API answer says no-store, and cannot be framed (helmet: CSP frame-ancestors \'none\', X-Frame-Options DENY)', async () => {
    const server = await startServer();
    const token = await server.login('ob.clerk.a');
    for (const path of ['/me', '/cases', '/nowhere']) {
      const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect([path, res.headers.get('cache-control')]).toEqual([path, 'no-store']);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  test('the pages cannot be framed, but the print pages by this site only', async () => {
    const pages = mkdtempSync(join(tmpdir(), 'yc-pages-'));
    writeFileSync(join(pages, 'index.html'), '<!doctype html><title>一窗</title>');
    const server = await startServer();
    const app = await new Promise<Server>((resolve) => {
      const s = createApp({ db: server.store.knex, engine: server.engine, pages }).listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(app);
    const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    const csp = async (path: string) => (await fetch(`${url}${path}`, { headers: { accept: 'text/html' } })).headers.get('content-security-policy');
    expect(await csp('/inbox')).toContain("frame-ancestors 'none'");
    expect(await csp('/')).toContain("frame-ancestors 'none'");
    expect(await csp('/print/cases/x/receipt')).toContain("frame-ancestors 'self'");
    expect(await csp('/print/cases/x/receipt')).not.toContain("'none'; frame");
  });
});
