import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { applicant, itemNamed, required } from './cases.js';
import { createLogger } from '../../api/log.js';
import { caseInstanceIds } from '../../api/cases/case-instances.js';

const BIRTH = itemNamed('出生登记');
const intakeBody = { itemCode: BIRTH.code, applicant, provided: required(BIRTH) };

async function caseCount(server: TestServer): Promise<number> {
  return Number((await server.store.knex('yc_cases').count({ n: '*' }).first())?.n ?? 0);
}

function intake(server: TestServer, token: string, key: string, body: unknown = intakeBody) {
  return fetch(`${server.url}/api/v1/cases`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, replayed: res.headers.get('idempotency-replayed'), body: await res.json() as any })); // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('an Idempotency-Key makes a clerk\'s retry safe', () => {
  test('a retry with the same key and body gets the first answer, and makes no second case', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const first = await intake(server, clerk, 'retry-7f3a');
    expect(first.status).toBe(201);
    const again = await intake(server, clerk, 'retry-7f3a');
    expect([again.status, again.replayed]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    expect(await caseCount(server)).toBe(1);
    // Without a key, or with a new one, a second case is made as asked.
    expect((await intake(server, clerk, 'another-1')).body.id).not.toBe(first.body.id);
    expect(await caseCount(server)).toBe(2);
  });

  test('the same key with another body is refused (422) with a clear error; another clerk\'s same key is theirs', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    expect((await intake(server, clerk, 'k-0001')).status).toBe(201);
    const changed = await intake(server, clerk, 'k-0001', { ...intakeBody, applicant: { ...applicant, phone: '13900001234' } });
    expect([changed.status, changed.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(changed.body.error.message).toContain('另一项不同内容');
    const other = await server.login('ob.clerk.b');
    expect((await intake(server, other, 'k-0001')).status).toBe(201);
    expect(await caseCount(server)).toBe(2);
  });

  test('two requests with one key at once make one case', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const answers = await Promise.all([intake(server, clerk, 'twice-at-once'), intake(server, clerk, 'twice-at-once')]);
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([201]));
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    expect(await caseCount(server)).toBe(1);
  });

  test('a failed attempt frees its key, and a key lasts 24 hours', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const refused = await intake(server, clerk, 'fix-and-retry', { ...intakeBody, itemCode: 'no-such-item' });
    expect(refused.status).toBe(404);
    const fixed = await intake(server, clerk, 'fix-and-retry');
    expect(fixed.status).toBe(201);
    await server.engine.advanceTime(23 * 60 * 60 * 1000);
    const nextDay = await server.login('ob.clerk.a'); // the session of yesterday has ended; the key is the person's
    expect((await intake(server, nextDay, 'fix-and-retry')).body.id).toBe(fixed.body.id);
    await server.engine.advanceTime(2 * 60 * 60 * 1000);
    const later = await intake(server, nextDay, 'fix-and-retry');
    expect([later.status, later.replayed]).toEqual([201, null]);
    expect(later.body.id).not.toBe(fixed.body.id);
    const bad = await intake(server, nextDay, 'x'.repeat(201));
    expect([bad.status, bad.body.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
  });

  test('a retry after the first attempt died between the case\'s commit and the engine\'s gets that case, started, not a second one', async () => {
    const server = await startServer(undefined, { logger: createLogger({ level: 'silent' }) });
    const clerk = await server.login('ob.clerk.a');
    const start = server.engine.start.bind(server.engine);
    let failures = 1;
    server.engine.start = async (...args: Parameters<typeof start>) => {
      if (failures-- > 0) throw new Error('the process was killed here');
      return start(...args);
    };
    expect((await intake(server, clerk, 'dies-midway')).status).toBe(500);
    expect(await caseCount(server)).toBe(1);
    const retry = await intake(server, clerk, 'dies-midway');
    expect(retry.status).toBe(201);
    expect(await caseCount(server)).toBe(1);
    expect(await server.engine.instance(caseInstanceIds(retry.body.id).process)).toMatchObject({ businessKey: retry.body.id });
    const changed = await intake(server, clerk, 'dies-midway', { ...intakeBody, provided: [] });
    expect([changed.status, changed.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  test('every signed-in create takes a key: an org unit', async () => {
    const server = await startServer();
    const admin = await server.login('admin');
    const unit = { id: '330324-sq', parentId: '330324', level: 'township', name: '沙头镇', centerName: '永嘉县沙头镇行政服务中心', centerClass: '三类', population: 40_000, areaM2: 50 };
    const send = () => server.call('POST', '/org-units', { token: admin, body: unit, headers: { 'idempotency-key': 'unit-sq' } });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const duplicate = await server.call('POST', '/org-units', { token: admin, body: unit });
    expect([duplicate.status, duplicate.body.error.code]).toEqual([409, 'UNIT_EXISTS']);
  });
});
