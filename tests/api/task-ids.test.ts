import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { complete, detail, itemNamed, receive, stepOf } from './cases.js';
import { migratePlatform } from '../../api/db.js';
import { asBeforeMigration008 } from '../engine/support/old-item-ids.js';

const BIRTH = itemNamed('出生登记');

describe('task ids go into a URL path as they are', () => {
  test('the inbox gives an id of URL-safe characters, and the step is done by that id written raw in the path', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, BIRTH);
    const task = await stepOf(server, clerk, caseId, 'accept');
    expect(task.id).toMatch(/^[0-9a-f-]{36}~\d+$/);
    expect(encodeURIComponent(task.id)).toBe(task.id);

    const done = await fetch(`${server.url}/api/v1/tasks/${task.id}/complete`, {
      method: 'POST', headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' }, body: JSON.stringify({ variables: { accepted: true, missingMaterials: [] } }),
    });
    expect(done.status).toBe(200);
    const log = (await detail(server, clerk, caseId)).log;
    expect(log.find((e) => e.action === 'step-done').detail.taskId).toBe(task.id);
    expect((await detail(server, clerk, caseId)).case.currentSteps.map((s: { taskId: string }) => s.taskId)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}~\d+$/)]);
  });

  test('a bad id gets a 400 that says what is wrong: a lone %, a broken escape, a NUL, the old form with a slash', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, BIRTH);
    const task = await stepOf(server, clerk, caseId, 'accept');
    const [instanceId, key] = task.id.split('~');
    const post = (path: string) => server.call('POST', `/tasks/${path}/complete`, { token: clerk, body: { variables: { accepted: true, missingMaterials: [] } } });

    for (const broken of ['%', '%zz', `${instanceId}%~${key}`]) {
      const answer = await post(broken);
      expect([broken, answer.status, answer.body.error.code]).toEqual([broken, 400, 'MALFORMED_PATH']);
      expect(answer.body.error.message).toContain('%');
    }
    // A NUL is refused for every route before the id's own check (tests/api/bad-input.test.ts).
    const nul = await post(`${instanceId}%00~${key}`);
    expect([nul.status, nul.body.error.code, nul.body.error.fields[0].field]).toEqual([400, 'NUL_CHARACTER', 'id']);
    for (const invalid of [`${instanceId}%2F${key}`, `${instanceId}%25~${key}`, 'x'.repeat(300)]) {
      const answer = await post(invalid);
      expect([invalid, answer.status, answer.body.error.code]).toEqual([invalid, 400, 'VALIDATION_FAILED']);
      expect(answer.body.error.fields[0]).toMatchObject({ field: 'id' });
      expect(answer.body.error.fields[0].problem).toMatch(/待办编号/);
    }
    expect((await post(`${instanceId}~999`)).status).toBe(404);
    expect((await server.call('GET', '/tasks', { token: clerk })).body.map((t: { id: string }) => t.id)).toEqual([task.id]);
  });
});

describe('a case server upgraded over cases in progress (migrations 008 and 009)', () => {
  test('a case received before the upgrade shows its step under the new id, with its due date, and moves on when it is done', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, BIRTH);
    const before = await stepOf(server, clerk, caseId, 'accept');
    const knex = server.store.knex;
    const [instanceId, key] = before.id.split('~');

    // The database as the version before wrote it: the engine's rows and the case's open steps in the old form.
    await asBeforeMigration008(knex);
    const row = await knex('yc_cases').where({ id: caseId }).first('body');
    const body = JSON.parse(row.body);
    body.currentSteps = body.currentSteps.map((s: { taskId: string }) => ({ ...s, taskId: s.taskId.replace('~', '/') }));
    await knex('yc_cases').where({ id: caseId }).update({ body: JSON.stringify(body) });
    await knex('yc_platform_migrations').where({ name: '014_platform_task_ids' }).delete();
    expect((await detail(server, clerk, caseId)).case.currentSteps).toEqual([expect.objectContaining({ taskId: `${instanceId}/${key}` })]);

    await server.store.init();
    await migratePlatform(knex);
    const after = await stepOf(server, clerk, caseId, 'accept');
    expect(after).toMatchObject({ id: `${instanceId}~${key}`, dueAt: before.dueAt });
    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    const steps = (await detail(server, clerk, caseId)).case.currentSteps;
    expect(steps.map((s: { name: string }) => s.name)).toEqual(['审查决定']);
    expect(steps[0].taskId).toMatch(new RegExp(`^${instanceId}~\\d+$`));
  });
});
