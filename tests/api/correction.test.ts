import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { advanceTo, chinaTime, complete, detail, itemNamed, noticeText, receive, stepOf, track } from './cases.js';

const PERMIT = itemNamed('居住证核发');

describe('the correction loop (一次告知补正) through the HTTP API', () => {
  test('one notice lists everything missing, the case waits with the clock stopped, and the correction counts a visit and restarts the count', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    let clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, PERMIT, ['居民身份证']);
    const accept = await stepOf(server, clerk, caseId, 'accept');
    expect(accept.dueAt!).toBe('2026-03-09T23:59:59+08:00');

    const refused = await server.call('POST', `/tasks/${accept.id}/complete`, { token: clerk, body: { variables: { accepted: true, missingMaterials: [] } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'MATERIALS_MISSING', fields: [{ field: 'missingMaterials', problem: '缺少「近期免冠彩色照片」' }, { field: 'missingMaterials', problem: '缺少「居住证明」' }] });
    expect((await detail(server, clerk, caseId)).log.map((e) => e.action)).not.toContain('step-done');

    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: ['居民身份证已过有效期，请提供有效证件'] });
    const waiting = await detail(server, clerk, caseId);
    expect(waiting.case).toMatchObject({ status: 'correcting', clockStoppedAt: '2026-03-02T09:00:00+08:00', visits: 1, currentSteps: [expect.objectContaining({ name: '接收补正材料', stopsClock: true })] });
    expect(waiting.case.acceptedAt).toBeUndefined();
    const notice = await noticeText(server, clerk, caseId, 'one-time');
    expect(notice.match(/<li>/g)).toHaveLength(3);
    for (const missing of ['近期免冠彩色照片', '居住证明', '居民身份证已过有效期']) expect(notice).toContain(missing);
    expect(waiting.log.find((e) => e.action === 'one-time-notice').detail).toMatchObject({ workingDaysAfterReceipt: 0, withinStatutoryFiveDays: true });
    expect((await track(server, caseId)).body).toMatchObject({ status: 'correcting', clockStopped: true, clockStops: [{ name: '补正材料' }], notices: [{ title: '一次性告知书' }] });

    await advanceTo(server, '2026-03-05 10:00');
    clerk = await server.login('ob.clerk.a');
    await complete(server, clerk, caseId, 'await_correction', { correctedMaterials: ['近期免冠彩色照片', '居住证明'] });
    const back = (await detail(server, clerk, caseId)).case;
    expect(back).toMatchObject({ status: 'received', visits: 2, clockStops: [{ kind: 'correction', from: '2026-03-02T09:00:00+08:00', to: '2026-03-05T10:00:00+08:00' }] });
    expect(back.clockStoppedAt).toBeUndefined();
    expect(back.materials.filter((m: { provided: boolean }) => m.provided).map((m: { name: string }) => m.name)).toEqual(['居民身份证', '近期免冠彩色照片', '居住证明']);

    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    const accepted = await detail(server, clerk, caseId);
    // Counting restarts the day after the complete materials arrived: 10 working days from 2026-03-05.
    expect(accepted.case).toMatchObject({ status: 'handling', acceptedAt: '2026-03-05T10:00:00+08:00' });
    expect(accepted.case.dueAt).toBe('2026-03-19T23:59:59+08:00');
    expect(accepted.notices.map((n: { kind: string }) => n.kind)).toEqual(['one-time', 'acceptance']);
  });

  test('a case withdrawn while it waits for correction closes its clock stop and leaves no open step', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, PERMIT, ['居民身份证']);
    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: ['近期免冠彩色照片'] });
    const withdrawn = await server.call('POST', `/cases/${caseId}/withdraw`, { token: clerk, body: { reason: '申请人不再申领' } });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', currentSteps: [], clockStops: [{ kind: 'correction', to: '2026-03-02T09:00:00+08:00' }] });
    expect(withdrawn.body.clockStoppedAt).toBeUndefined();
    expect(await server.engine.tasks()).toEqual([]);
    expect((await track(server, caseId)).body).toMatchObject({ status: 'withdrawn', statusName: '已撤件', clockStopped: false });
  });
});
