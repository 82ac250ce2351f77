import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, detail, itemNamed, receive, stepOf } from './cases.js';

const BIRTH = itemNamed('出生登记');

describe('a step is claimed, given back and handed on through the engine, and the case log says so', () => {
  test('claiming makes the step mine in the inbox and the instance\'s history; unclaiming gives it back', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const a = await server.login('ob.clerk.a');
    const caseId = await receive(server, a, BIRTH);
    const task = await stepOf(server, a, caseId, 'accept');

    const claimed = await server.call('POST', `/tasks/${task.id}/claim`, { token: a });
    expect(claimed).toMatchObject({ status: 200, body: { taskId: task.id, holder: { id: 's-ob-clerk-a', name: '综合窗口 王芳（A岗）' } } });
    expect(await stepOf(server, a, caseId, 'accept')).toMatchObject({ assignee: 's-ob-clerk-a' });
    const instanceId = task.id.split('~')[0]!;
    expect((await server.engine.history(instanceId)).at(-1)).toMatchObject({ t: 'claimed', assignee: 's-ob-clerk-a' });

    expect((await server.call('POST', `/tasks/${task.id}/unclaim`, { token: a })).body).toEqual({ taskId: task.id, holder: null });
    expect(await stepOf(server, a, caseId, 'accept')).not.toHaveProperty('assignee');
    expect((await server.call('POST', `/tasks/${task.id}/unclaim`, { token: a })).body.error.code).toBe('TASK_NOT_CLAIMED');
    expect((await server.engine.history(instanceId)).at(-1)).toMatchObject({ t: 'unclaimed' });
    const log = (await detail(server, a, caseId)).log.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['task-claimed', 'task-unclaimed']));
    expect(await server.engine.verify(instanceId)).toMatchObject({ ok: true, replayMatches: true });
  });

  test('handing on goes to a colleague of the same unit and post, with a reason; the step leaves my inbox for theirs', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const [a, b] = [await server.login('ob.clerk.a'), await server.login('ob.clerk.b')];
    const caseId = await receive(server, a, BIRTH);
    const task = await stepOf(server, a, caseId, 'accept');
    const handOn = (token: string, toStaffId: string, reason = '王芳外出培训，转李明办理') =>
      server.call('POST', `/tasks/${task.id}/hand-on`, { token, body: { toStaffId, reason } });

    expect((await handOn(a, 's-qt-clerk')).body.error).toMatchObject({ code: 'HAND_ON_TARGET_INVALID', fields: [{ field: 'toStaffId', problem: '只能转交给本单位的工作人员' }] });
    expect((await handOn(a, 's-ob-reviewer')).body.error.fields[0].problem).toBe('该工作人员的岗位不办理这一环节');
    expect((await handOn(a, 's-ob-clerk-b', ' ')).status).toBe(400);
    expect((await handOn(b, 's-ob-clerk-b')).status).toBe(403);
    expect((await handOn(await server.login('ma.clerk'), 's-ob-clerk-b')).status).toBe(404);

    expect((await server.call('GET', `/tasks/${task.id}/hand-on-targets`, { token: a })).body).toEqual([{ id: 's-ob-clerk-b', name: '综合窗口 李明（B岗）' }]);
    expect((await handOn(a, 's-ob-clerk-b')).body).toEqual({ taskId: task.id, holder: { id: 's-ob-clerk-b', name: '综合窗口 李明（B岗）' } });
    expect((await server.call('GET', '/tasks', { token: a })).body).toEqual([]);
    expect(await stepOf(server, b, caseId, 'accept')).toMatchObject({ id: task.id, assignee: 's-ob-clerk-b' });
    const instanceId = task.id.split('~')[0]!;
    expect((await server.engine.history(instanceId)).at(-1)).toMatchObject({ t: 'handedOn', to: 's-ob-clerk-b', by: 's-ob-clerk-a', reason: '王芳外出培训，转李明办理' });
    const line = (await detail(server, a, caseId)).log.find((e: { action: string }) => e.action === 'task-handed-on');
    expect(line).toMatchObject({ actorId: 's-ob-clerk-a', detail: { taskId: task.id, step: '受理', from: null, to: 's-ob-clerk-b', reason: '王芳外出培训，转李明办理' } });
    // Now the step is 李明's: he does it, and 王芳 no longer may.
    expect((await server.call('POST', `/tasks/${task.id}/claim`, { token: a })).status).toBe(403);
    expect((await server.call('POST', `/tasks/${task.id}/complete`, { token: b, body: { variables: { accepted: true, missingMaterials: [] } } })).status).toBe(200);
    expect((await server.call('POST', `/tasks/${task.id}/claim`, { token: b })).body.error.code).toBe('TASK_ALREADY_COMPLETED');
  });
});
