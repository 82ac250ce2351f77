import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, complete, detail, itemNamed, receiveAccepted, stepOf } from './cases.js';

const AGENCY = itemNamed('企业投资项目全程代办');

describe('a coordinate-mode case through the HTTP API', () => {
  test('the first-ask owner accepts, coordinates with the departments and answers within the promised days', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, AGENCY);

    const accepted = (await detail(server, clerk, caseId)).case;
    expect(accepted.dueAt).toBe('2026-03-09T23:59:59+08:00');
    expect((await stepOf(server, clerk, caseId, 'contact')).dueAt).toBe(accepted.dueAt);
    expect((await server.call('GET', '/tasks', { token: await server.login('ob.clerk.b') })).body).toEqual([]);
    await complete(server, clerk, caseId, 'contact', { answer: '已联系发改、自然资源部门，项目备案材料已代为提交，进度将每周告知' });

    const done = await detail(server, clerk, caseId);
    expect(done.case).toMatchObject({ status: 'completed', visits: 1 });
    expect(done.notices.map((n: { kind: string }) => n.kind)).toEqual(['acceptance', 'completion']);
    expect(done.log.find((e) => e.action === 'step-done' && e.detail.step === '联系协调')).toMatchObject({ actorId: 's-ob-clerk-a', detail: { variables: { answer: expect.stringContaining('已联系') } } });
  });
});
