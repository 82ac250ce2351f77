import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { advanceTo, chinaTime, complete, itemNamed, receive } from './cases.js';

const PERMIT = itemNamed('居住证核发');

describe('the case page\'s readings: where the case stands on its diagram, its status in words, working days left', () => {
  test('after acceptance the diagram is the promised process\'s own XML, the path to the review is done, the review is current and held by the centre\'s reviewers', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, PERMIT);

    const atIntake = await server.call('GET', `/cases/${caseId}/diagram`, { token: clerk });
    expect(atIntake.status).toBe(200);
    expect(atIntake.body).toMatchObject({ processId: 'promised', definitionKey: 'promised:1', completed: ['received'], steps: [{ elementId: 'accept', name: '受理', holder: '综合窗口 王芳（A岗）' }] });
    expect(atIntake.body.active).toContain('accept');
    expect(atIntake.body.xml).toContain('<bpmn:userTask id="accept" name="受理">');
    expect(atIntake.body.xml).toContain('bpmndi:BPMNDiagram');

    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    const reviewing = (await server.call('GET', `/cases/${caseId}/diagram`, { token: clerk })).body;
    expect(reviewing.completed).toEqual(expect.arrayContaining(['received', 'accept', 'materials_complete', 'acceptable', 'acceptance_notice', 'handle_start']));
    expect(reviewing.completed).not.toContain('review');
    expect(reviewing.active).toEqual(expect.arrayContaining(['handle', 'review']));
    expect(reviewing.steps).toEqual([{ elementId: 'review', name: '审查', holder: '永嘉县瓯北街道行政服务中心 审查员' }]);
    expect(reviewing.taken.length).toBeGreaterThanOrEqual(5);
  });

  test('a case in correction shows the call activity current and the correction step, held by the receiving clerk, without an element of its own', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, PERMIT, ['居民身份证']);
    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: ['近期免冠彩色照片'] });
    const waiting = (await server.call('GET', `/cases/${caseId}/diagram`, { token: clerk })).body;
    expect(waiting.active).toContain('correction');
    expect(waiting.steps).toEqual([{ name: '接收补正材料', holder: '综合窗口 王芳（A岗）' }]);
  });

  test('another village\'s clerk gets 404, as for the case itself', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receive(server, await server.login('ob.clerk.a'), PERMIT);
    const other = await server.call('GET', `/cases/${caseId}/diagram`, { token: await server.login('ma.clerk') });
    expect(other.status).toBe(404);
    expect((await server.call('GET', `/cases/${caseId}/diagram`)).status).toBe(401);
  });

  test('GET /cases/:id says the status in words and the working days left to each date; a closed case counts none', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    let clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, PERMIT);
    // Received Monday 2 March 2026: §32's five working days are 3, 4, 5, 6 and 9 March.
    expect((await server.call('GET', `/cases/${caseId}`, { token: clerk })).body).toMatchObject({ statusName: '已收件，待受理', timeLeft: { acceptanceDueAt: 5 } });

    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    const accepted = (await server.call('GET', `/cases/${caseId}`, { token: clerk })).body;
    // Promised 10 working days from the day after 2 March: 16 March. Statutory 15 days (居住证暂行条例 §11): 17 March, a Tuesday;
    // the working days after 2 March up to it: 3–6, 9–13, 16, 17 March = 11.
    expect(accepted).toMatchObject({ statusName: '办理中', timeLeft: { dueAt: 10, statutoryDueAt: 11 } });
    expect(accepted.timeLeft.acceptanceDueAt).toBeUndefined();
    expect(accepted.names).toEqual({ 's-ob-clerk-a': '综合窗口 王芳（A岗）' });

    const asked = await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 3, reason: '需征求社区意见' } });
    expect(asked.status).toBe(201);
    const withRequest = (await server.call('GET', `/cases/${caseId}`, { token: clerk })).body;
    expect(withRequest.extensions).toEqual([expect.objectContaining({ days: 3, reason: '需征求社区意见', status: 'pending', requestedBy: 's-ob-clerk-a' })]);

    await advanceTo(server, '2026-03-17 09:00');
    clerk = await server.login('ob.clerk.a');
    // 16 March has passed: one working day over (17 March); the statutory date is today.
    expect((await server.call('GET', `/cases/${caseId}`, { token: clerk })).body.timeLeft).toEqual({ dueAt: -1, statutoryDueAt: 0 });
    // 居住证 is the county public security bureau's: its head decides the extension.
    const head = await server.login('ga.head');
    expect((await server.call('POST', `/extensions/${encodeURIComponent(asked.body.id)}/decision`, { token: head, body: { approved: false, note: '理由不足' } })).status).toBe(200);
    const decided = (await server.call('GET', `/cases/${caseId}`, { token: clerk })).body;
    expect(decided.extensions).toEqual([expect.objectContaining({ status: 'refused', decidedBy: 's-head-police', decisionNote: '理由不足' })]);
    expect(decided.names['s-head-police']).toBe('县公安局局长 方毅');

    await server.call('POST', `/cases/${caseId}/withdraw`, { token: clerk, body: { reason: '申请人不再申领' } });
    expect((await server.call('GET', `/cases/${caseId}`, { token: clerk })).body).toMatchObject({ statusName: '已撤件', timeLeft: {} });
  });
});
