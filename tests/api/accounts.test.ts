import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { DEMO_PASSWORD } from '../../api/seed/demo-county.js';
import { ensureFirstAdministrator, wantsDemo } from '../../api/seed/first-administrator.js';
import { securityEvents } from '../../api/audit/security-log.js';
import { retireDemoLogins } from '../../api/seed/retire-demo-logins.js';
import { hashPassword } from '../../api/auth/passwords.js';

const signIn = (server: TestServer, username: string, password: string) => server.call('POST', '/auth/login', { body: { username, password } });

/** A server mode first start: no demo county, the first administrator with a one-time password. */
async function firstStart(env: Record<string, string> = {}) {
  const server = await startServer(undefined, { demo: false });
  const admin = await ensureFirstAdministrator(server.store.knex, { DATABASE_URL: 'postgres://example', ...env }, server.clock.now());
  return { server, admin };
}

describe('accounts on a server mode first start', () => {
  test('demo data only on the embedded default or when asked for', () => {
    expect(wantsDemo({})).toBe(true);
    expect(wantsDemo({ DATABASE_URL: 'postgres://x' })).toBe(false);
    expect(wantsDemo({ DATABASE_URL: 'postgres://x', YC_DEMO: '1' })).toBe(true);
    expect(wantsDemo({ YC_DEMO: '0' })).toBe(false);
  });

  test('one administrator with a generated one-time password, given this once; no demo person; a second start creates and says nothing', async () => {
    const { server, admin } = await firstStart();
    expect(admin).toEqual({ username: 'admin', generatedPassword: expect.stringMatching(/^[a-zA-Z2-9]{14}$/) });
    expect((await signIn(server, 'ob.clerk.a', DEMO_PASSWORD)).status).toBe(401);
    expect((await server.store.knex('yc_staff').select('username')).map((r: { username: string }) => r.username)).toEqual(['admin']);
    expect(await ensureFirstAdministrator(server.store.knex, { DATABASE_URL: 'postgres://example' }, server.clock.now())).toBeUndefined();
    expect((await signIn(server, 'admin', admin!.generatedPassword!)).status).toBe(200);
    expect((await securityEvents(server.store.knex, { action: 'administrator-created' }))[0]?.detail).toMatchObject({ passwordFrom: 'generated' });
  });

  test('YC_ADMIN_PASSWORD gives the one-time password, which is not echoed back', async () => {
    const { server, admin } = await firstStart({ YC_ADMIN_PASSWORD: 'operator-chose-this' });
    expect(admin).toEqual({ username: 'admin' });
    expect((await signIn(server, 'admin', 'operator-chose-this')).status).toBe(200);
  });

  test('with a one-time password every call but changing it is refused with PASSWORD_CHANGE_REQUIRED until it is changed', async () => {
    const { server } = await firstStart({ YC_ADMIN_PASSWORD: 'operator-chose-this' });
    const login = await signIn(server, 'admin', 'operator-chose-this');
    expect(login.body.staff.mustChangePassword).toBe(true);
    const token = login.body.token as string;
    const refused = await server.call('GET', '/staff', { token });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'PASSWORD_CHANGE_REQUIRED' } } });
    expect(refused.body.error.message).toMatch(/^请先修改密码/);
    expect((await server.call('GET', '/me', { token })).body.mustChangePassword).toBe(true);
    expect((await server.call('POST', '/auth/password', { token, body: { oldPassword: 'wrong-one', newPassword: 'a long new secret' } })).body.error.code).toBe('OLD_PASSWORD_WRONG');
    expect((await server.call('POST', '/auth/password', { token, body: { oldPassword: 'operator-chose-this', newPassword: 'short' } })).status).toBe(400);
    expect((await server.call('POST', '/auth/password', { token, body: { oldPassword: 'operator-chose-this', newPassword: 'operator-chose-this' } })).body.error.code).toBe('PASSWORD_UNCHANGED');
    expect((await server.call('POST', '/auth/password', { token, body: { oldPassword: 'operator-chose-this', newPassword: 'a long new secret' } })).status).toBe(200);
    expect((await server.call('GET', '/staff', { token })).status).toBe(200);
    expect((await signIn(server, 'admin', 'operator-chose-this')).status).toBe(401);
    expect((await signIn(server, 'admin', 'a long new secret')).body.staff.mustChangePassword).toBeUndefined();
    expect((await securityEvents(server.store.knex, { action: 'password-changed' }))).toHaveLength(1);
  });
});

describe('a server-mode database seeded with the demo county before it became opt-in', () => {
  test('its demo logins still on the public password are disabled at start, and admin gets a one-time password, printed that once', async () => {
    const server = await startServer();
    await server.store.knex('yc_staff').where({ id: 's-ob-clerk-b' }).update({ password_hash: await hashPassword('changed long ago') });
    const retired = await retireDemoLogins(server.store.knex, server.clock.now());
    expect(retired).toContain('admin');
    expect(retired).toContain('ob.clerk.a');
    expect(retired).not.toContain('ob.clerk.b');
    expect((await signIn(server, 'ob.clerk.a', DEMO_PASSWORD)).body.error.code).toBe('ACCOUNT_DISABLED');
    expect((await signIn(server, 'ob.clerk.b', 'changed long ago')).status).toBe(200);

    const admin = await ensureFirstAdministrator(server.store.knex, { DATABASE_URL: 'postgres://example' }, server.clock.now());
    expect(admin?.generatedPassword).toBeDefined();
    expect((await signIn(server, 'admin', DEMO_PASSWORD)).status).toBe(401);
    expect((await signIn(server, 'admin', admin!.generatedPassword!)).body.staff.mustChangePassword).toBe(true);
    expect(await ensureFirstAdministrator(server.store.knex, { DATABASE_URL: 'postgres://example' }, server.clock.now())).toBeUndefined();
    expect(await retireDemoLogins(server.store.knex, server.clock.now())).toEqual([]);
  });
});

describe('the staff API for administrators', () => {
  test('an administrator creates a person with roles and a one-time password; the person must change it first', async () => {
    const server = await startServer();
    const admin = await server.login('admin');
    const created = await server.call('POST', '/staff', { token: admin, body: { username: 'ob.clerk.c', name: '综合窗口 陈新', orgUnitId: '330324-ob', roles: ['clerk'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ staff: { username: 'ob.clerk.c', roles: ['clerk'], mustChangePassword: true }, oneTimePassword: expect.any(String) });
    const token = (await signIn(server, 'ob.clerk.c', created.body.oneTimePassword)).body.token as string;
    expect((await server.call('GET', '/tasks', { token })).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await server.call('POST', '/auth/password', { token, body: { oldPassword: created.body.oneTimePassword, newPassword: '我的新密码 2026' } });
    expect((await server.call('GET', '/tasks', { token })).status).toBe(200);
    expect((await server.call('POST', '/staff', { token: admin, body: { username: 'ob.clerk.c', name: '重名', orgUnitId: '330324-ob', roles: ['clerk'] } })).body.error.code).toBe('USERNAME_TAKEN');
    expect((await server.call('POST', '/staff', { token: admin, body: { username: 'x.y', name: '某人', orgUnitId: '330324-ob', roles: ['clerk'], backupFor: 'nobody' } })).body.error.code).toBe('REFERENCE_UNKNOWN');
  });

  test('roles given, a password reset (old sessions end, a new one-time password), disable and enable, sessions ended: each in the security log', async () => {
    const server = await startServer();
    const admin = await server.login('admin');
    let clerk = await server.login('ob.clerk.a');
    expect((await server.call('PUT', '/staff/s-ob-clerk-a/roles', { token: admin, body: { roles: ['clerk', 'reviewer'] } })).body.roles).toEqual(['clerk', 'reviewer']);

    const reset = await server.call('POST', '/staff/s-ob-clerk-a/password-reset', { token: admin, body: { reason: '本人忘记密码' } });
    expect(reset.body.staff.mustChangePassword).toBe(true);
    expect((await server.call('GET', '/me', { token: clerk })).status).toBe(401);
    expect((await signIn(server, 'ob.clerk.a', DEMO_PASSWORD)).status).toBe(401);
    clerk = (await signIn(server, 'ob.clerk.a', reset.body.oneTimePassword)).body.token;
    await server.call('POST', '/auth/password', { token: clerk, body: { oldPassword: reset.body.oneTimePassword, newPassword: 'fresh and long' } });

    const ended = await server.call('DELETE', '/staff/s-ob-clerk-a/sessions', { token: admin });
    expect(ended.body).toEqual({ ended: 1 });
    expect((await server.call('GET', '/me', { token: clerk })).status).toBe(401);

    clerk = (await signIn(server, 'ob.clerk.a', 'fresh and long')).body.token;
    expect((await server.call('POST', '/staff/s-ob-clerk-a/disable', { token: admin, body: { reason: '调离' } })).body.disabled).toBe(true);
    expect((await server.call('GET', '/me', { token: clerk })).status).toBe(401);
    expect((await signIn(server, 'ob.clerk.a', 'fresh and long')).body.error.code).toBe('ACCOUNT_DISABLED');
    expect((await signIn(server, 'ob.clerk.a', 'a wrong one')).body.error.code).toBe('LOGIN_FAILED');
    await server.call('POST', '/staff/s-ob-clerk-a/enable', { token: admin, body: { reason: '调回' } });
    expect((await signIn(server, 'ob.clerk.a', 'fresh and long')).status).toBe(200);

    const actions = (await securityEvents(server.store.knex)).map((e) => e.action);
    for (const action of ['roles-changed', 'password-reset', 'password-changed', 'sessions-revoked', 'account-disabled', 'account-enabled']) expect(actions).toContain(action);
  });

  test('only administrators, only within their unit, and never on their own account', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    expect((await server.call('POST', '/staff/s-ob-clerk-b/disable', { token: clerk, body: { reason: '试一下' } })).status).toBe(403);
    expect((await server.call('DELETE', '/staff/s-ob-clerk-b/sessions', { token: clerk })).status).toBe(403);
    await server.store.knex('yc_staff').where({ id: 's-ob-director' }).update({ roles: JSON.stringify(['director', 'administrator']) });
    const obAdmin = await server.login('ob.director');
    expect((await server.call('POST', '/staff/s-qt-clerk/password-reset', { token: obAdmin, body: { reason: '越权' } })).status).toBe(404);
    expect((await server.call('POST', '/staff', { token: obAdmin, body: { username: 'qt.new', name: '桥头新人', orgUnitId: '330324-qt', roles: ['clerk'] } })).status).toBe(403);
    const admin = await server.login('admin');
    expect((await server.call('POST', '/staff/s-admin/disable', { token: admin, body: { reason: '误操作' } })).body.error.code).toBe('NOT_ON_SELF');
  });
});
