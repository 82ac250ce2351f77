import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { applicant, chinaTime, complete, itemNamed, receive, track } from './cases.js';

describe('public tracking by case number and phone', () => {
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
    for (const secret of [applicant.idNumber, applicant.phone, 's-ob-clerk-a', '<html']) expect(text).not.toContain(secret);
  });

  test('a wrong phone and an unknown case get the same 404, and too many looks from one address are slowed down', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receive(server, await server.login('ob.clerk.a'), itemNamed('出生登记'));
    const wrongPhone = await track(server, caseId, '9999');
    const unknown = await track(server, '330324-ob-20260302-9999');
    expect(wrongPhone.status).toBe(404);
    expect(wrongPhone).toEqual(unknown);
    expect((await track(server, caseId, '12a4')).body.error.code).toBe('VALIDATION_FAILED');

    const answers: number[] = [];
    for (let i = 0; i < 30; i++) answers.push((await track(server, caseId)).status);
    expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await track(server, caseId)).body.error.code).toBe('RATE_LIMITED');
  });
});
