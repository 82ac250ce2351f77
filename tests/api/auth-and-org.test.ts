import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';

describe('logging in and seeing one\'s own part of the county', () => {
  test('a clerk logs in, sees who they are, and a wrong password gets the same answer as an unknown user', async () => {
    const server = await startServer();
    const token = await server.login('ob.clerk.a');
    const me = await server.call('GET', '/me', { token });
    expect(me.body).toMatchObject({ username: 'ob.clerk.a', orgUnitId: '330324-ob', roles: ['clerk'] });
    const wrong = await server.call('POST', '/auth/login', { body: { username: 'ob.clerk.a', password: 'nope' } });
    const unknown = await server.call('POST', '/auth/login', { body: { username: 'nobody', password: 'nope' } });
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe(401);
    await server.call('POST', '/auth/logout', { token });
    expect((await server.call('GET', '/me', { token })).status).toBe(401);
  });

  test('a village clerk sees only the village, a township director the township and its villages, the county all', async () => {
    const server = await startServer();
    const ids = async (username: string) => (await server.call('GET', '/org-units', { token: await server.login(username) })).body.map((u: { id: string }) => u.id);
    expect(await ids('ma.clerk')).toEqual(['330324-ob-ma']);
    expect(await ids('ob.director')).toEqual(['330324-ob', '330324-ob-ma', '330324-ob-sq']);
    expect(await ids('admin')).toHaveLength(7);
  });

  test('a new center is refused with the field to fix when its name or class breaks the standard', async () => {
    const server = await startServer();
    const token = await server.login('admin');
    const bad = await server.call('POST', '/org-units', { token, body: { id: '330324-sq', parentId: '330324', level: 'township', name: '沙头镇', centerName: '沙头镇服务中心', centerClass: '一类', population: 40_000 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['centerClass', 'centerName']);
    const good = await server.call('POST', '/org-units', { token, body: { id: '330324-sq', parentId: '330324', level: 'township', name: '沙头镇', centerName: '永嘉县沙头镇行政服务中心', centerClass: '三类', population: 40_000, areaM2: 50 } });
    expect(good.status).toBe(201);
    expect(good.body.warnings).toEqual([expect.stringContaining('低于要求')]);
  });

  test('bad input gets a clear error: malformed JSON, missing fields, an oversized body, an unknown route', async () => {
    const server = await startServer();
    expect((await server.call('POST', '/auth/login', { raw: '{"username":' })).body.error.code).toBe('MALFORMED_JSON');
    const missing = await server.call('POST', '/auth/login', { body: { username: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([expect.objectContaining({ field: 'password' })]);
    const huge = await server.call('POST', '/auth/login', { body: { username: 'x'.repeat(300_000), password: 'y' } });
    expect(huge.status).toBe(413);
    expect((await server.call('GET', '/nothing-here')).status).toBe(404);
  });

  test('A/B posts: only a director or administrator may mark a clerk absent', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.b');
    expect((await server.call('PUT', '/staff/s-ob-clerk-a/absence', { token: clerk, body: { absent: true } })).status).toBe(403);
    const director = await server.login('ob.director');
    const marked = await server.call('PUT', '/staff/s-ob-clerk-a/absence', { token: director, body: { absent: true } });
    expect(marked.body).toMatchObject({ id: 's-ob-clerk-a', absent: true });
    expect((await server.call('PUT', '/staff/s-qt-clerk/absence', { token: director, body: { absent: true } })).status).toBe(404);
  });

  test('the OpenAPI document describes every route from the same schemas', async () => {
    const server = await startServer();
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    const doc = await res.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/org-units', '/api/v1/staff/{id}/absence']));
    expect(doc.paths['/api/v1/auth/login']?.post?.requestBody).toBeDefined();
  });
});
