import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { advanceTo, chinaDate, chinaTime, detail, itemNamed, receiveAccepted } from './cases.js';
import { decideExtension } from '../../api/cases/extension-decision.js';
import { findStaff } from '../../api/org/staff.js';

const ROAD = itemNamed('临时占用城市道路审批');

describe('the decide route completes the approval task of the deciding authority\'s head, with the same rules', () => {
  test('the clerk asks, the head of the deciding authority (县综合行政执法局) approves in their list, and the due date moves by working days, logged with who and when; no card comes at the old dates', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    let clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, ROAD);
    const before = (await detail(server, clerk, caseId)).case;
    expect(before.dueAt).toBe('2026-03-09T23:59:59+08:00');

    const tooLong = await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 11, reason: '需补充征求交警部门意见' } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error).toMatchObject({ code: 'EXTENSION_TOO_LONG', fields: [{ field: 'days', problem: '最多还可延期 10 个工作日' }] });
    expect(tooLong.body.error.message).toContain('法定的 10 个工作日');
    const asked = await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 10, reason: '需补充征求交警部门意见' } });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ caseId, days: 10, status: 'pending', requestedBy: 's-ob-clerk-a' });
    expect((await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 1, reason: '再次申请' } })).body.error.code).toBe('EXTENSION_PENDING');

    const decision = `/extensions/${encodeURIComponent(asked.body.id)}/decision`;
    expect((await server.call('POST', decision, { token: clerk, body: { approved: true } })).status).toBe(403);
    expect((await server.call('POST', decision, { token: await server.login('county.director'), body: { approved: true } })).body.error.code).toBe('FORBIDDEN');
    const head = await server.login('zfj.head');
    expect((await server.call('GET', '/extensions?status=pending', { token: head })).body.map((e: { id: string }) => e.id)).toEqual([asked.body.id]);
    const approved = await server.call('POST', decision, { token: head, body: { approved: true, note: '同意延期' } });
    expect(approved.body.extension).toMatchObject({ status: 'approved', decidedBy: 's-head-enforce', decidedAt: '2026-03-02T09:00:00+08:00' });
    expect(approved.body.case.dueAt).toBe('2026-03-23T23:59:59+08:00');
    expect(approved.body.case.extendedDays).toBe(10);
    // The statutory 20 working days from 03-02 end 03-30; ten more pass over 清明 (04-04 to 04-06).
    expect([before.statutoryDueAt, approved.body.case.statutoryDueAt]).toEqual(['2026-03-30T23:59:59+08:00', '2026-04-14T23:59:59+08:00']);
    expect((await server.call('POST', decision, { token: head, body: { approved: false } })).body.error.code).toBe('EXTENSION_DECIDED');
    // The head's own retry of a decision whose first attempt died after its commit (the key's retry, api/http/idempotency.ts) gets its answer.
    const staffHead = (await findStaff(server.store.knex, 's-head-enforce'))!;
    const retried = await decideExtension(server.store.knex, server.engine, staffHead, asked.body.id, { approved: true, note: '同意延期' }, server.engine.clock.now(), true);
    expect(retried.extension).toMatchObject({ status: 'approved', decidedBy: 's-head-enforce' });
    // Not for another answer, nor without the retry: those are decided already.
    await expect(decideExtension(server.store.knex, server.engine, staffHead, asked.body.id, { approved: false }, server.engine.clock.now(), true)).rejects.toMatchObject({ code: 'EXTENSION_DECIDED' });
    const log = (await detail(server, clerk, caseId)).log;
    expect(log.filter((e) => e.action.startsWith('extension-')).map((e) => [e.action, e.actorId, e.at])).toEqual([
      ['extension-requested', 's-ob-clerk-a', '2026-03-02T09:00:00+08:00'], ['extension-approved', 's-head-enforce', '2026-03-02T09:00:00+08:00'],
    ]);
    expect(log.find((e) => e.action === 'step-done' && e.detail.step === '审批延期')).toMatchObject({ actorId: 's-head-enforce', detail: { variables: { extensionApproved: true, extensionOpinion: '同意延期' } } });
    expect((await server.call('GET', '/tasks', { token: head })).body.filter((t: { caseId: string }) => t.caseId === caseId)).toEqual([]);
    expect((await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 1, reason: '再次申请' } })).body.error).toMatchObject({ code: 'EXTENSION_TOO_LONG', fields: [{ problem: '最多还可延期 0 个工作日' }] });

    // The old promise was 2026-03-09: its yellow (03-06) and red (03-10) cards never come.
    await advanceTo(server, '2026-03-19 23:00');
    clerk = await server.login('ob.clerk.a');
    expect((await detail(server, clerk, caseId)).case.cards).toEqual([]);
    await advanceTo(server, '2026-03-20 12:00');
    expect((await detail(server, await server.login('ob.clerk.a'), caseId)).case.cards.map((c: { colour: string; at: string }) => [c.colour, chinaDate(c.at)])).toEqual([['yellow', '2026-03-20']]);
  }, 60_000);

  test('a refused extension leaves the due date where it was, and the refusal is logged', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, ROAD);
    const asked = await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 3, reason: '申请人要求' } });
    const refused = await server.call('POST', `/extensions/${encodeURIComponent(asked.body.id)}/decision`, { token: await server.login('zfj.head'), body: { approved: false, note: '理由不足' } });
    expect(refused.body.extension).toMatchObject({ status: 'refused', decisionNote: '理由不足' });
    expect(refused.body.case.dueAt).toBe('2026-03-09T23:59:59+08:00');
    expect((await detail(server, clerk, caseId)).log.find((e) => e.action === 'extension-refused')).toMatchObject({ actorId: 's-head-enforce', detail: { days: 3, note: '理由不足' } });
    expect((await server.call('GET', '/tasks', { token: await server.login('zfj.head') })).body).toEqual([]);
  }, 60_000);
});
