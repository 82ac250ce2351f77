import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { applicant, chinaTime, complete, detail, itemNamed, receive, track, trackingCodeOf } from './cases.js';
import { securitySettings } from '../../api/security/settings.js';
import { TRACKING_ALPHABET } from '../../api/cases/tracking-code.js';

describe('public tracking by case number and tracking code', () => {
  test('shows the stage, steps, due date and notices by title, and nothing personal', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, itemNamed('居住证核发'));
    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });

    const seen = await track(server, caseId);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      caseNo: caseId, itemName: '居住证核发', applicantName: '王*', status: 'handling', statusName: '办理中', clockStopped: false,
      currentSteps: [{ name: '审查', dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT23:59:59\+08:00$/) }], notices: [{ title: '受理通知书', issuedAt: '2026-03-02T09:00:00+08:00' }], visits: 1,
    });
    const text = JSON.stringify(seen.body);
    for (const secret of [applicant.idNumber, applicant.phone, 's-ob-clerk-a', '<html', await trackingCodeOf(server, caseId)]) expect(text).not.toContain(secret);
  });

  test('each case has its own random 8-character code from an unambiguous alphabet, given to staff and printed on its notices; typed in lower case with a dash it still works', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const [first, second] = [await receive(server, clerk, itemNamed('居住证核发')), await receive(server, clerk, itemNamed('居住证核发'))];
    const code = await trackingCodeOf(server, first);
    expect(code).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{8}$`));
    expect(code).not.toBe(await trackingCodeOf(server, second));
    expect((await detail(server, clerk, first)).case.trackingCode).toBe(code);
    await complete(server, clerk, first, 'accept', { accepted: true, missingMaterials: [] });
    const notice = (await detail(server, clerk, first)).notices[0]!;
    expect((await server.call('GET', `/cases/${first}/notices/${notice.id}`, { token: clerk })).body).toContain(`<tr><th>查询码</th><td colspan="3">${code}`);
    expect((await track(server, first, `${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()}`)).status).toBe(200);
    expect((await track(server, first, await trackingCodeOf(server, second))).status).toBe(404);
  });

  test('the phone\'s last four digits open nothing any more; a wrong code and an unknown case get the same 404', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receive(server, await server.login('ob.clerk.a'), itemNamed('出生登记'));
    expect((await server.call('GET', `/track/${caseId}?phone=${applicant.phone.slice(-4)}`)).body.error.code).toBe('VALIDATION_FAILED');
    const wrong = await track(server, caseId, 'ABCD2345');
    const unknown = await track(server, '330324-ob-20260302-9999', 'ABCD2345');
    expect(wrong.status).toBe(404);
    expect(wrong).toEqual(unknown);
    expect((await track(server, caseId, 'ABC')).body.error.code).toBe('VALIDATION_FAILED');
  });

  test('wrong codes are counted per case number too: guesses from many addresses lock that case number, not others', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'), { security: securitySettings({ trackCaseFailures: 5 }) });
    const clerk = await server.login('ob.clerk.a');
    const [target, other] = [await receive(server, clerk, itemNamed('出生登记')), await receive(server, clerk, itemNamed('出生登记'))];
    const guess = (i: number) => server.call('GET', `/track/${target}?code=ABCD234${i + 2}`, { headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await guess(i)).status);
    expect(answers).toEqual([404, 404, 404, 404, 404, 429]);
    const locked = await track(server, target);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/^此办件编号查询码错误次数过多，请 \d+ 分钟后再试$/);
    expect((await track(server, other)).status).toBe(200);
  });

  test('too many looks from one address are slowed down', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receive(server, await server.login('ob.clerk.a'), itemNamed('出生登记'));
    const answers: number[] = [];
    for (let i = 0; i < 31; i++) answers.push((await track(server, caseId)).status);
    expect(answers.filter((s) => s === 429)).toHaveLength(1);
    expect((await track(server, caseId)).body.error.code).toBe('RATE_LIMITED');
  });
});
