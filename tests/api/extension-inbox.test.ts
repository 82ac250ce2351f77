import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { advanceTo, chinaDate, chinaTime, complete, detail, itemNamed, receiveAccepted, stepOf } from './cases.js';

const ROAD = itemNamed('临时占用城市道路审批');
const BIRTH = itemNamed('出生登记');

/** The cards of a case, as the China dates they were raised on. */
async function cardDates(server: TestServer, caseId: string): Promise<string[]> {
  const { case: record } = await detail(server, await server.login('ob.clerk.a'), caseId);
  return record.cards.map((c: { colour: string; at: string }) => `${c.colour} ${chinaDate(c.at)}`);
}

describe('an extension (延期) is decided in the inbox of the head of the item\'s deciding authority (行政许可法 §42), and the cards follow the new due date', () => {
  test('asked for 5 days, approved from the inbox: the yellow card comes the working day before the new due date and the red card after it, none at the old dates, and the review stays open', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, ROAD);
    expect((await detail(server, clerk, caseId)).case.dueAt).toBe('2026-03-09T23:59:59+08:00');
    const review = await stepOf(server, await server.login('ob.reviewer'), caseId, 'review');

    await advanceTo(server, '2026-03-03 10:00');
    const asked = await server.call('POST', `/cases/${caseId}/extensions`, { token: await server.login('ob.clerk.a'), body: { days: 5, reason: '需征求交警部门意见' } });
    expect(asked.status).toBe(201);
    const head = await server.login('zfj.head');
    const approval = await stepOf(server, head, caseId, 'decide_extension');
    expect(approval).toMatchObject({ formKey: 'extension-decision', candidateGroups: ['authority-head'], extension: { id: asked.body.id, days: 5, reason: '需征求交警部门意见', requestedBy: 's-ob-clerk-a' } });
    const clerkTasks = (await server.call('GET', '/tasks', { token: await server.login('ob.clerk.a') })).body;
    expect(clerkTasks.filter((t: { elementId: string }) => t.elementId === 'decide_extension')).toEqual([]);
    const byClerk = await server.call('POST', `/tasks/${approval.id}/complete`, { token: await server.login('ob.clerk.a'), body: { variables: { extensionApproved: true } } });
    expect([byClerk.status, byClerk.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const byCounty = await server.call('POST', `/tasks/${approval.id}/complete`, { token: await server.login('county.director'), body: { variables: { extensionApproved: true } } });
    expect(byCounty.status).toBe(403);

    const approved = await complete(server, head, caseId, 'decide_extension', { extensionApproved: true, extensionOpinion: '同意延期' });
    expect([approved.dueAt, approved.extendedDays]).toEqual(['2026-03-16T23:59:59+08:00', 5]);
    const { log } = await detail(server, head, caseId);
    expect(log.filter((e) => e.action.startsWith('extension-') || e.action === 'time-limit-extended').map((e) => [e.action, e.actorId ?? null])).toEqual([
      ['extension-requested', 's-ob-clerk-a'], ['extension-approved', 's-head-enforce'], ['time-limit-extended', null],
    ]);
    expect(log.find((e) => e.action === 'extension-approved')).toMatchObject({ at: '2026-03-03T10:00:00+08:00', detail: { extensionId: asked.body.id, days: 5, note: '同意延期' } });
    expect((await server.call('GET', `/extensions?status=approved`, { token: head })).body.map((e: { id: string }) => e.id)).toEqual([asked.body.id]);

    await advanceTo(server, '2026-03-12 23:00');
    expect(await cardDates(server, caseId)).toEqual([]);
    await advanceTo(server, '2026-03-16 23:00');
    expect(await cardDates(server, caseId)).toEqual(['yellow 2026-03-13']);
    await advanceTo(server, '2026-03-17 12:00');
    expect(await cardDates(server, caseId)).toEqual(['yellow 2026-03-13', 'red 2026-03-17']);
    expect((await stepOf(server, await server.login('ob.reviewer'), caseId, 'review')).id).toBe(review.id);
  }, 60_000);

  test('refused from the inbox, the due date and the cards stay where they were', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, ROAD);
    await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 3, reason: '申请人要求' } });
    const refused = await complete(server, await server.login('zfj.head'), caseId, 'decide_extension', { extensionApproved: false, extensionOpinion: '理由不足' });
    expect([refused.dueAt, refused.extendedDays]).toEqual(['2026-03-09T23:59:59+08:00', undefined]);
    expect((await detail(server, clerk, caseId)).log.find((e) => e.action === 'extension-refused')).toMatchObject({ actorId: 's-head-enforce', detail: { days: 3, note: '理由不足' } });

    await advanceTo(server, '2026-03-10 12:00');
    expect(await cardDates(server, caseId)).toEqual(['yellow 2026-03-06', 'red 2026-03-10']);
  }, 60_000);

  test('a direct case (即办件), decided the same day, has no extension to ask for', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, BIRTH);
    const asked = await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 2, reason: '需征求意见' } });
    expect([asked.status, asked.body.error.code]).toEqual([409, 'EXTENSION_NOT_IN_PROCESS']);
    expect((await server.call('GET', '/extensions', { token: await server.login('zfj.head') })).body).toEqual([]);
  }, 60_000);
});
