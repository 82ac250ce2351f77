import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { itemNamed, receive, receiveAccepted, track } from './cases.js';

const ROAD = itemNamed('临时占用城市道路审批');

describe('times in the API are ISO 8601 in China time, to the second unless a client asks for milliseconds', () => {
  test('a case, its log and its notices answer with +08:00 times to the second; ?timePrecision=ms keeps the milliseconds', async () => {
    const server = await startServer(Date.parse('2026-03-02T09:00:00.250+08:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, ROAD);

    const seconds = (await server.call('GET', `/cases/${caseId}`, { token: clerk })).body;
    expect(seconds.case).toMatchObject({ receivedAt: '2026-03-02T09:00:00+08:00', acceptedAt: '2026-03-02T09:00:00+08:00', dueAt: '2026-03-09T23:59:59+08:00' });
    expect(seconds.log.map((e: { at: string }) => e.at)).toContain('2026-03-02T09:00:00+08:00');
    expect(seconds.log.find((e: { action: string }) => e.action === 'accepted').detail).toMatchObject({ dueAt: '2026-03-09T23:59:59+08:00', statutoryDueAt: '2026-03-30T23:59:59+08:00' });
    expect(seconds.notices).toEqual([expect.objectContaining({ kind: 'acceptance', createdAt: '2026-03-02T09:00:00+08:00' })]);

    const ms = (await server.call('GET', `/cases/${caseId}?timePrecision=ms`, { token: clerk })).body;
    expect(ms.case).toMatchObject({ receivedAt: '2026-03-02T09:00:00.250+08:00', dueAt: '2026-03-09T23:59:59.999+08:00' });
    expect(ms.notices[0].createdAt).toBe('2026-03-02T09:00:00.250+08:00');
    const tasks = (await server.call('GET', '/tasks?timePrecision=ms', { token: await server.login('ob.reviewer') })).body;
    expect(tasks[0]).toMatchObject({ createdAt: '2026-03-02T09:00:00.250+08:00', dueAt: '2026-03-09T23:59:59.999+08:00' });
  });

  test('login, tracking and the inbox answer with ISO times too; an unknown precision is refused with the values allowed', async () => {
    const server = await startServer(Date.parse('2026-03-02T09:00:00+08:00'));
    const login = await server.call('POST', '/auth/login', { body: { username: 'ob.clerk.a', password: 'yichuang-demo' } });
    expect(login.body.expiresAt).toMatch(/^2026-03-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const caseId = await receive(server, login.body.token, ROAD);
    expect((await server.call('GET', '/tasks', { token: login.body.token })).body[0].createdAt).toBe('2026-03-02T09:00:00+08:00');
    expect((await track(server, caseId)).body.receivedAt).toBe('2026-03-02T09:00:00+08:00');

    const bad = await server.call('GET', '/tasks?timePrecision=us', { token: login.body.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'timePrecision' }] });
    expect(bad.body.error.message).toContain('ms');
  });

  test('the OpenAPI document shows every time as date-time and offers timePrecision on each JSON route', async () => {
    const server = await startServer();
    const doc = (await server.call('GET', '/openapi.json')).body;
    const detail = doc.paths['/api/v1/cases/{id}'].get;
    const answer = detail.responses['200'].content['application/json'].schema;
    expect(answer.properties.case.properties.receivedAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(answer.properties.log.items.properties.at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(answer.properties.notices.items.properties.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(detail.parameters).toContainEqual({ $ref: '#/components/parameters/timePrecision' });
    expect(doc.components.parameters.timePrecision.schema.enum).toEqual(['s', 'ms']);
  });
});
