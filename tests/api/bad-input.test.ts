import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { applicant, itemNamed, required } from './cases.js';

const BIRTH = itemNamed('出生登记');

/** Every answer here is the client's fault: a 4xx with a Chinese message, never a 500. */
function expectRefused(answer: { status: number; body: any }, status: number, code: string) { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect([answer.status, answer.body?.error?.code]).toEqual([status, code]);
  expect(answer.body.error.message).toMatch(/[\u4e00-\u9fff]/);
}

describe('bad input gets a 4xx that says what is wrong, on every database', () => {
  test('a NUL character anywhere in a JSON body, a query or a path is refused before any database sees it, public routes too', async () => {
    const server = await startServer();
    expectRefused(await server.call('POST', '/auth/login', { body: { username: 'ob.clerk\u0000.a', password: 'x' } }), 400, 'NUL_CHARACTER');
    const clerk = await server.login('ob.clerk.a');
    const intake = await server.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH.code, applicant: { ...applicant, name: '王\u0000芳' }, provided: required(BIRTH) } });
    expectRefused(intake, 400, 'NUL_CHARACTER');
    expect(intake.body.error.fields).toEqual([{ field: 'applicant.name', problem: expect.stringContaining('空字符') }]);
    // In a key too (a form's variables are free-form objects).
    expectRefused(await server.call('PUT', '/intake-drafts/d1', { token: clerk, body: { ['a\u0000']: 1 } }), 400, 'NUL_CHARACTER');
    expectRefused(await server.call('GET', '/track/330324-ob-20260302-0001?phone=12%0034'), 400, 'NUL_CHARACTER');
    expectRefused(await server.call('GET', '/track/330324-ob%00?phone=1234'), 400, 'NUL_CHARACTER');
    expectRefused(await server.call('GET', '/cases?status=re%00ceived', { token: clerk }), 400, 'NUL_CHARACTER');
    expectRefused(await server.call('GET', '/cases/330324-ob%00/notices/n1', { token: clerk }), 400, 'NUL_CHARACTER');
    // A deeply nested body is walked without running out of stack.
    const deep = `${'['.repeat(20_000)}"\\u0000"${']'.repeat(20_000)}`;
    expectRefused(await server.call('PUT', '/intake-drafts/d1', { token: clerk, raw: `{"a":${deep}}` }), 400, 'NUL_CHARACTER');
  });

  test('a body in a charset or content encoding the server does not read is 415', async () => {
    const server = await startServer();
    const latin1 = await server.call('POST', '/auth/login', { contentType: 'application/json; charset=latin1', raw: '{"username":"a","password":"b"}' });
    expectRefused(latin1, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(latin1.body.error.message).toContain('UTF-8');
    const br = await server.call('POST', '/auth/login', { headers: { 'content-encoding': 'compress' }, raw: '{"username":"a","password":"b"}' });
    expectRefused(br, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(br.body.error.message).toContain('gzip');
    // UTF-8 said aloud is fine.
    expect((await server.call('POST', '/auth/login', { contentType: 'application/json; charset=utf-8', raw: '{"username":"a","password":"b"}' })).status).toBe(401);
  });

  test('an org unit whose case numbers would not fit is refused when it is created (422); one that fits is created', async () => {
    const server = await startServer();
    const admin = await server.login('admin');
    const unit = (id: string) => ({ id, parentId: '330324', level: 'township', name: '沙头镇', centerName: '永嘉县沙头镇行政服务中心', centerClass: '三类', population: 40_000, areaM2: 50 });
    const tooLong = await server.call('POST', '/org-units', { token: admin, body: unit('x'.repeat(26)) });
    expectRefused(tooLong, 422, 'UNIT_ID_TOO_LONG');
    expect(tooLong.body.error.message).toContain('25');
    expect(tooLong.body.error.fields).toEqual([{ field: 'id', problem: expect.any(String) }]);
    expect((await server.call('POST', '/org-units', { token: admin, body: unit('y'.repeat(25)) })).status).toBe(201);
  });

  test('a % in a case id that is not an escape is a 400, not a 500', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    for (const path of ['/cases/%', '/cases/%zz', '/cases/%E0%A4%A']) expectRefused(await server.call('GET', path, { token: clerk }), 400, 'MALFORMED_PATH');
    expect((await server.call('GET', '/cases/%2525', { token: clerk })).status).toBe(404);
  });
});
