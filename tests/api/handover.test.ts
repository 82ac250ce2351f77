import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, detail, itemNamed, receive, stepOf } from './cases.js';

const BIRTH = itemNamed('出生登记');

describe('first-ask ownership is handed on explicitly, and a step done twice gets a clear answer', () => {
  test('only the owner hands a case on, to a clerk of the same unit; the window steps follow the new owner and the log says who, to whom and why', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const [a, b] = [await server.login('ob.clerk.a'), await server.login('ob.clerk.b')];
    const caseId = await receive(server, a, BIRTH);
    const handover = (token: string, toStaffId: string) => server.call('POST', `/cases/${caseId}/handover`, { token, body: { toStaffId, reason: '王芳轮休，移交李明跟进' } });

    expect((await handover(b, 's-ob-clerk-b')).body.error.code).toBe('NOT_CASE_OWNER');
    expect((await handover(a, 's-qt-clerk')).body.error).toMatchObject({ code: 'HANDOVER_TARGET_INVALID', fields: [{ field: 'toStaffId', problem: '只能移交给本单位的窗口工作人员' }] });
    expect((await handover(a, 's-ob-reviewer')).status).toBe(422);
    expect((await handover(await server.login('ma.clerk'), 's-ob-clerk-b')).status).toBe(404);
    const moved = await handover(a, 's-ob-clerk-b');
    expect(moved.body.ownerId).toBe('s-ob-clerk-b');
    const log = (await detail(server, a, caseId)).log;
    expect(log.filter((e) => e.action === 'handed-over')).toEqual([expect.objectContaining({ actorId: 's-ob-clerk-a', at: '2026-03-02T09:00:00+08:00', detail: { from: 's-ob-clerk-a', to: 's-ob-clerk-b', reason: '王芳轮休，移交李明跟进' } })]);
    expect((await server.call('GET', '/tasks', { token: a })).body).toEqual([]);
    expect((await stepOf(server, b, caseId, 'accept')).caseId).toBe(caseId);
  });

  test('completing a step already done answers 409 TASK_ALREADY_COMPLETED with who did it, and changes nothing', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const a = await server.login('ob.clerk.a');
    const caseId = await receive(server, a, BIRTH);
    const task = await stepOf(server, a, caseId, 'accept');
    const path = `/tasks/${task.id}/complete`;
    expect((await server.call('POST', path, { token: a, body: { variables: { accepted: true, missingMaterials: [] } } })).status).toBe(200);
    const before = (await detail(server, a, caseId)).case;

    const again = await server.call('POST', path, { token: a, body: { variables: { accepted: true, missingMaterials: [] } } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TASK_ALREADY_COMPLETED');
    expect(again.body.error.message).toContain('综合窗口 王芳（A岗）办理完毕');
    expect((await server.call('POST', path, { token: await server.login('ob.clerk.b'), body: { variables: {} } })).body.error.code).toBe('TASK_ALREADY_COMPLETED');
    expect((await server.call('POST', path, { token: await server.login('qt.clerk'), body: { variables: {} } })).body.error.code).toBe('TASK_NOT_FOUND');
    expect((await server.call('POST', '/tasks/no-such-task/complete', { token: a, body: { variables: {} } })).status).toBe(404);
    expect((await detail(server, a, caseId)).case.version).toBe(before.version);
  });
});
