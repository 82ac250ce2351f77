import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { advanceTo, chinaDate, chinaTime, complete, detail, iso, itemNamed, noticeText, receive, stepOf, track, withItem } from './cases.js';

const ROAD = itemNamed('临时占用城市道路审批');

describe('a promised-mode case through the HTTP API', () => {
  test('accepted on 2026-02-10 with 20 promised working days it is due 2026-03-16, over the Spring Festival week, and the acceptance notice says so', async () => {
    const server = await startServer(chinaTime('2026-02-10 09:30'));
    // 乡村建设规划许可证 goes up to the county (浙江省城乡规划条例 §38): a promised item of 20 working days, as an administrator would add one.
    const item = await withItem(server, { ...ROAD, code: '000181001901', name: '临时占用城市道路审批（承诺20个工作日）', promisedDays: 20, specialProcedures: [{ name: '批前公示', days: 5, unit: 'days', countsTowardLimit: false }] });
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, item);

    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    const accepted = (await detail(server, clerk, caseId)).case;
    expect(accepted).toMatchObject({ status: 'handling', acceptedAt: iso('2026-02-10 09:30') });
    expect(chinaDate(accepted.dueAt)).toBe('2026-03-16');
    expect(chinaDate(accepted.statutoryDueAt)).toBe('2026-03-16');
    const notice = await noticeText(server, clerk, caseId, 'acceptance');
    expect(notice).toContain('自受理之日起 20 个工作日，即 <strong>2026年3月16日</strong> 前办结');
    expect(notice).toContain('批前公示');

    const reviewer = await server.login('ob.reviewer');
    expect((await stepOf(server, reviewer, caseId, 'review')).dueAt).toBe(accepted.dueAt);
    await complete(server, reviewer, caseId, 'review', { opinion: '符合村庄规划，层数和高度在控制范围内', specialProcedure: null });
    const countyDirector = await server.login('county.director');
    expect((await server.call('GET', '/tasks', { token: countyDirector })).body).toEqual([]);
    const director = await server.login('ob.director');
    await complete(server, director, caseId, 'decide', { approved: true });

    const done = await detail(server, clerk, caseId);
    expect(done.case).toMatchObject({ status: 'completed', resultNo: expect.any(String), currentSteps: [] });
    expect(done.notices.map((n: { kind: string }) => n.kind)).toEqual(['acceptance', 'completion']);
    expect(done.log.filter((e) => e.action === 'step-done').map((e) => e.actorId)).toEqual(['s-ob-clerk-a', 's-ob-reviewer', 's-ob-director']);
  });

  test('a special procedure of the item\'s own stops the promised clock for its stated length only, is shown on public tracking, and the clock resumes the day after it ends whether or not anyone closes it', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    let clerk = await server.login('ob.clerk.a');
    let reviewer = await server.login('ob.reviewer');
    const caseId = await receive(server, clerk, ROAD);
    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    // 5 promised working days from Monday 2 March: Monday 9 March; the law's 20: Monday 30 March.
    const accepted = (await detail(server, clerk, caseId)).case;
    expect([chinaDate(accepted.dueAt), chinaDate(accepted.statutoryDueAt)]).toEqual(['2026-03-09', '2026-03-30']);

    await complete(server, reviewer, caseId, 'review', { opinion: '需现场勘察', specialProcedure: { name: '现场勘察', days: 1 } });
    const stopped = (await detail(server, clerk, caseId)).case;
    expect(stopped).toMatchObject({
      status: 'suspended', clockStoppedAt: iso('2026-03-02 09:00'),
      clockStops: [{ kind: 'special-procedure', name: '现场勘察', days: 1, unit: 'working-days', stops: 'promised', from: iso('2026-03-02 09:00') }],
      currentSteps: [expect.objectContaining({ name: '特别程序', stopsClock: true })],
    });
    // 现场勘察 is the county's own procedure, not one of §45's: the promised date moves by its one working day (Tuesday 3 March), the law's does not.
    expect([chinaDate(stopped.dueAt), chinaDate(stopped.statutoryDueAt), chinaDate(stopped.currentSteps[0].dueAt)]).toEqual(['2026-03-10', '2026-03-30', '2026-03-03']);
    const seen = (await track(server, caseId)).body;
    expect(seen).toMatchObject({ status: 'suspended', clockStopped: true, clockStops: [{ name: '现场勘察', days: 1, from: iso('2026-03-02 09:00') }] });
    expect(seen.statusName).toContain('特别程序');

    // Nobody closes the procedure until Thursday: the clock ran again from Wednesday, so the date stays.
    await advanceTo(server, '2026-03-05 09:00');
    [clerk, reviewer] = [await server.login('ob.clerk.a'), await server.login('ob.reviewer')];
    await complete(server, reviewer, caseId, 'special_procedure', { outcome: '现场勘察无异议' });
    const resumed = (await detail(server, clerk, caseId));
    expect(resumed.case).toMatchObject({ status: 'handling', cards: [] });
    expect(resumed.case.clockStoppedAt).toBeUndefined();
    expect(chinaDate(resumed.case.dueAt)).toBe('2026-03-10');
    const afterwards = (await track(server, caseId)).body;
    expect(afterwards).toMatchObject({ clockStopped: false, clockStops: [{ name: '现场勘察', to: iso('2026-03-05 09:00') }] });
    expect(chinaDate(afterwards.dueAt)).toBe('2026-03-10');

    await complete(server, reviewer, caseId, 'review', { opinion: '勘察后同意', specialProcedure: null });
    await complete(server, await server.login('ob.director'), caseId, 'decide', { approved: true });
    expect((await detail(server, clerk, caseId)).case.status).toBe('completed');
  });
});
