import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { advanceTo, chinaDate, chinaTime, complete, detail, endOfDay, iso, itemNamed, noticeText, receive, stepOf, track } from './cases.js';

const PERMIT = itemNamed('居住证核发');

describe('the correction loop (一次告知补正) through the HTTP API', () => {
  test('one notice lists everything missing with the 补正 period and its end, the case waits unaccepted (no limit runs), and the correction counts a visit and restarts the count', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    let clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, PERMIT, ['居民身份证']);
    const accept = await stepOf(server, clerk, caseId, 'accept');
    expect(chinaDate(accept.dueAt!)).toBe('2026-03-09');

    const refused = await server.call('POST', `/tasks/${encodeURIComponent(accept.id)}/complete`, { token: clerk, body: { variables: { accepted: true, missingMaterials: [] } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'MATERIALS_MISSING', fields: [{ field: 'missingMaterials', problem: '缺少「近期免冠彩色照片」' }, { field: 'missingMaterials', problem: '缺少「居住证明」' }] });
    expect((await detail(server, clerk, caseId)).log.map((e) => e.action)).not.toContain('step-done');

    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: ['居民身份证已过有效期，请提供有效证件'] });
    const waiting = await detail(server, clerk, caseId);
    // 20 working days for the correction, counted from the day after the notice: Monday 30 March 2026.
    expect(waiting.case).toMatchObject({ status: 'correcting', visits: 1, correction: { days: 20, dueAt: endOfDay('2026-03-30') }, currentSteps: [expect.objectContaining({ name: '接收补正材料', stopsClock: true })] });
    expect(waiting.case.acceptedAt).toBeUndefined();
    expect(waiting.case.dueAt).toBeUndefined();
    expect(waiting.case.clockStoppedAt).toBeUndefined();
    const notice = await noticeText(server, clerk, caseId, 'one-time');
    expect(notice.match(/<li>/g)).toHaveLength(3);
    for (const missing of ['近期免冠彩色照片', '居住证明', '居民身份证已过有效期']) expect(notice).toContain(missing);
    expect(notice).toContain('请于 <strong>2026年3月30日</strong> 前（20 个工作日内）一次补齐上述材料');
    expect(notice).toContain('逾期未补正的，视为撤回申请');
    expect(notice).not.toContain('暂停');
    expect(waiting.log.find((e) => e.action === 'one-time-notice').detail).toMatchObject({ workingDaysAfterReceipt: 0, withinStatutoryFiveDays: true });
    expect((await track(server, caseId)).body).toMatchObject({ status: 'correcting', statusName: '待补正材料（补齐后受理）', clockStopped: false, clockStops: [], notices: [{ title: '一次性告知书' }] });

    await advanceTo(server, '2026-03-05 10:00');
    clerk = await server.login('ob.clerk.a');
    await complete(server, clerk, caseId, 'await_correction', { correctedMaterials: ['近期免冠彩色照片', '居住证明'] });
    const back = (await detail(server, clerk, caseId)).case;
    // §32 again from the day the materials became complete: 5 working days after Thursday 5 March.
    expect(back).toMatchObject({ status: 'received', visits: 2, materialsCompleteAt: iso('2026-03-05 10:00'), acceptanceDueAt: endOfDay('2026-03-12') });
    expect(back.materials.filter((m: { provided: boolean }) => m.provided).map((m: { name: string }) => m.name)).toEqual(['居民身份证', '近期免冠彩色照片', '居住证明']);

    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    const accepted = await detail(server, clerk, caseId);
    // Counting restarts the day after the complete materials arrived: 10 working days from 2026-03-05.
    expect(accepted.case).toMatchObject({ status: 'handling', acceptedAt: iso('2026-03-05 10:00') });
    expect(chinaDate(accepted.case.dueAt)).toBe('2026-03-19');
    expect(accepted.notices.map((n: { kind: string }) => n.kind)).toEqual(['one-time', 'acceptance']);
  });

  test('a case withdrawn while it waits for correction leaves no open step and no clock stop', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, PERMIT, ['居民身份证']);
    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: ['近期免冠彩色照片'] });
    const withdrawn = await server.call('POST', `/cases/${caseId}/withdraw`, { token: clerk, body: { reason: '申请人不再申领' } });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', currentSteps: [] });
    expect(withdrawn.body.clockStops ?? []).toEqual([]);
    expect(withdrawn.body.clockStoppedAt).toBeUndefined();
    expect(await server.engine.tasks()).toEqual([]);
    expect((await track(server, caseId)).body).toMatchObject({ status: 'withdrawn', statusName: '已撤件', clockStopped: false });
    // By the process's own path (撤件 during correction), not a cancellation: its diagram ends at 已撤件.
    const instanceId = (await detail(server, clerk, caseId)).case.instanceId as string;
    expect(await server.engine.instance(instanceId)).toMatchObject({ status: 'completed' });
    expect((await server.engine.history(instanceId)).some((e) => (e as { el?: string }).el === 'withdrawn')).toBe(true);
  });
});
