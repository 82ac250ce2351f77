import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, complete, detail, itemNamed, noticeText, receiveAccepted, waitForCase } from './cases.js';

const SUBSIDY = itemNamed('困难残疾人生活补贴和重度残疾人护理补贴');

describe('a report-up case (全程上报代理) through the HTTP API', () => {
  test('the township window accepts and reviews first, the county reviewer and the county director decide in their own inboxes, and the result is issued back at the township window', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, SUBSIDY);

    const [countyReviewer, countyDirector, townshipDirector] = [await server.login('county.reviewer'), await server.login('county.director'), await server.login('ob.director')];
    const inboxOf = async (token: string) => (await server.call('GET', '/tasks', { token })).body.map((t: { elementId: string }) => t.elementId);
    expect(await inboxOf(countyReviewer)).toEqual([]);
    await complete(server, await server.login('ob.reviewer'), caseId, 'initial_review', { initialApproved: true, initialOpinion: '经入户核查，符合重度残疾人护理补贴条件' });

    // The county's process starts by a message, not as a child of the township's: the request does not wait for it.
    const reported = await waitForCase(server, clerk, caseId, (shown) => shown.case.currentSteps.length > 0);
    expect(reported.case.currentSteps.map((s: { name: string }) => s.name)).toEqual(['县级审核']);
    expect(await inboxOf(countyReviewer)).toEqual(['county_review']);
    await complete(server, countyReviewer, caseId, 'county_review', { countyOpinion: '同意' });
    expect(await inboxOf(townshipDirector)).toEqual([]);
    expect(await inboxOf(countyDirector)).toEqual(['county_decide']);
    await complete(server, countyDirector, caseId, 'county_decide', { approved: true, countyOpinion: '准予' });

    const done = await detail(server, clerk, caseId);
    expect(done.case).toMatchObject({ status: 'completed', orgUnitId: '330324-ob', resultNo: expect.any(String), currentSteps: [] });
    expect(done.log.filter((e) => e.action === 'step-done').map((e) => e.actorId)).toEqual(['s-ob-clerk-a', 's-ob-reviewer', 's-county-review', 's-county-director']);
    expect(await noticeText(server, clerk, caseId, 'completion')).toContain('永嘉县瓯北街道行政服务中心民政救助窗口');
  });
});
