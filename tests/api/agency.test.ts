import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { applicant, chinaTime, complete, detail, itemNamed, noticeText, required, stepOf } from './cases.js';

const BIRTH = itemNamed('出生登记');

describe('代办后上报: a village centre takes a township item in for the applicant', () => {
  test('without asking for it, the village clerk is told the item can be forwarded and to which centre', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const refused = await server.call('POST', '/cases', { token: await server.login('ma.clerk'), body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'ITEM_NOT_HANDLED_HERE', fields: [{ field: 'forward', problem: '代办上报至永嘉县瓯北街道行政服务中心' }] });
    expect(refused.body.error.message).toContain('本中心可代办后上报');
  });

  test('forwarded, the case is the township\'s: its window takes it up and decides it, and the village follows it to the end; no other village sees it', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const village = await server.login('ma.clerk');
    const created = await server.call('POST', '/cases', { token: village, body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH), forward: true } });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    expect(created.body).toMatchObject({ orgUnitId: '330324-ob', agency: { unitId: '330324-ob-ma', clerkId: 's-ma-clerk' }, status: 'received' });
    expect(caseId.startsWith('330324-ob-20260302-')).toBe(true);
    expect(created.body.ownerId).toBeUndefined();
    expect((await detail(server, village, caseId)).log.map((e) => e.action)).toEqual(expect.arrayContaining(['forwarded', 'intake']));

    const villageInbox = (await server.call('GET', '/tasks', { token: village })).body as Array<{ caseId: string }>;
    expect(villageInbox.filter((t) => t.caseId === caseId)).toEqual([]);
    const township = await server.login('ob.clerk.a');
    await stepOf(server, township, caseId, 'accept');
    await complete(server, township, caseId, 'accept', { accepted: true, missingMaterials: [] });
    expect((await detail(server, township, caseId)).case.ownerId).toBe('s-ob-clerk-a');
    await complete(server, township, caseId, 'decide', { approved: true });

    const seenByVillage = await detail(server, village, caseId);
    expect(seenByVillage.case).toMatchObject({ status: 'completed', resultNo: expect.any(String) });
    expect(((await server.call('GET', '/cases', { token: village })).body as Array<{ id: string }>).map((c) => c.id)).toContain(caseId);
    // The result comes back to the village: the applicant collects it where the case was taken in.
    expect(await noticeText(server, village, caseId, 'completion')).toContain('到 瓯北街道马岙村便民服务中心综合窗口（代办点） 领取');
    expect((await server.call('GET', `/cases/${caseId}`, { token: await server.login('dl.clerk') })).status).toBe(404);
  });
});
