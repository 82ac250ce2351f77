import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';

describe('the security log, read by auditors', () => {
  test('sign-ins and failures, absences, new units, password changes and process deployments are logged, and auditors page through them', async () => {
    const server = await startServer(Date.parse('2026-03-02T09:00:00+08:00'));
    expect((await server.call('POST', '/auth/login', { body: { username: 'ob.clerk.a', password: 'not-it' } })).status).toBe(401);
    const clerk = await server.login('ob.clerk.a');
    const director = await server.login('ob.director');
    await server.call('PUT', '/staff/s-ob-clerk-a/absence', { token: director, body: { absent: true } });
    const admin = await server.login('admin');
    expect((await server.call('POST', '/org-units', { token: admin, body: { id: '330324-qt-nx', parentId: '330324-qt', level: 'village', name: '南溪村', centerName: '桥头镇南溪村便民服务中心', centerClass: '村级' } })).status).toBe(201);
    await server.call('POST', '/auth/password', { token: clerk, body: { oldPassword: 'yichuang-demo', newPassword: 'a brand new secret' } });

    const auditor = await server.login('auditor');
    const read = async (query = '') => (await server.call('GET', `/security-log${query}`, { token: auditor })).body;
    const all = (await read('?limit=500')).entries as Array<{ action: string; actorId?: string; detail: Record<string, unknown>; at: string }>;
    const actions = all.map((e) => e.action);
    for (const action of ['sign-in-failed', 'signed-in', 'absence-changed', 'unit-created', 'password-changed', 'process-deployed']) expect([action, actions.includes(action)]).toEqual([action, true]);
    expect(all.find((e) => e.action === 'sign-in-failed')).toMatchObject({ actorId: 's-ob-clerk-a', detail: { username: 'ob.clerk.a', address: '127.0.0.1' }, at: '2026-03-02T09:00:00+08:00' });
    expect(all.find((e) => e.action === 'absence-changed')).toMatchObject({ actorId: 's-ob-director', detail: { staffId: 's-ob-clerk-a', absent: true } });
    expect(all.find((e) => e.action === 'unit-created')).toMatchObject({ actorId: 's-admin', detail: { unitId: '330324-qt-nx' } });
    expect(JSON.stringify(all)).not.toContain('a brand new secret');

    const signIns = await read('?action=signed-in&limit=2');
    expect(signIns.entries.map((e: { action: string }) => e.action)).toEqual(['signed-in', 'signed-in']);
    const older = await read(`?action=signed-in&limit=2&before=${signIns.next}`);
    expect(older.entries[0].id).toBeLessThan(signIns.entries[1].id);

    expect((await server.call('GET', '/security-log', { token: admin })).status).toBe(403);
    expect((await server.call('GET', '/security-log', { token: director })).status).toBe(403);
    expect((await server.call('GET', '/security-log')).status).toBe(401);
    expect((await server.call('GET', '/security-log?action=anything', { token: auditor })).status).toBe(400);
  });
});
