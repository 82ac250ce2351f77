import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, complete, detail, itemNamed, noticeText, receiveAccepted } from './cases.js';

const HOMESTEAD = itemNamed('农村村民宅基地审批');

describe('a joint-mode case (联办件) through the HTTP API', () => {
  test('one acceptance, a review in each of three departments\' inboxes; one refuses, so the applicant gets a refusal decision and the refusal is filed for the supervisor', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, HOMESTEAD);
    expect(HOMESTEAD.departments).toHaveLength(3);

    const [land, farm, build] = [await server.login('ob.land'), await server.login('ob.farm'), await server.login('ob.build')];
    const reviewsOf = async (token: string) => (await server.call('GET', '/tasks', { token })).body.filter((t: { caseId: string }) => t.caseId === caseId);
    for (const [token, department] of [[land, '示例镇自然资源所'], [farm, '示例镇农业农村办公室'], [build, '示例镇村镇建设办公室']] as const) {
      expect((await reviewsOf(token)).map((t: { candidateGroups: string[] }) => t.candidateGroups)).toEqual([[`reviewer:${department}`]]);
    }
    expect(await reviewsOf(await server.login('ob.reviewer'))).toEqual([]);

    await complete(server, land, caseId, 'joint_review', { approved: false, refusalReason: '选址占用永久基本农田', legalBasis: '《中华人民共和国土地管理法》第六十二条' });
    await complete(server, farm, caseId, 'joint_review', { approved: true });
    expect((await detail(server, clerk, caseId)).case.status).toBe('handling');
    await complete(server, build, caseId, 'joint_review', { approved: true });

    await complete(server, clerk, caseId, 'notify_refusal', { notifiedInWriting: true });
    const refused = await detail(server, clerk, caseId);
    expect(refused.case.status).toBe('refused');
    expect(refused.notices.map((n: { kind: string }) => n.kind)).toEqual(['acceptance', 'refusal-decision']);
    const decision = await noticeText(server, clerk, caseId, 'refusal-decision');
    for (const words of ['示例镇自然资源所：选址占用永久基本农田', '土地管理法》第六十二条', '行政复议', '行政诉讼']) expect(decision).toContain(words);

    const supervisor = await server.login('supervisor');
    const filed = await detail(server, supervisor, caseId);
    expect(filed.log.find((e) => e.action === 'rejection-filed')).toMatchObject({ detail: { reason: '示例镇自然资源所：选址占用永久基本农田', ownerId: 's-ob-clerk-a' } });
    expect((await server.call('GET', '/cases?status=refused', { token: supervisor })).body.map((c: { id: string }) => c.id)).toEqual([caseId]);
    await complete(server, supervisor, caseId, 'supervisor_review', { refusalUpheld: true, opinion: '理由成立' });

    const closed = await detail(server, clerk, caseId);
    expect(closed.case).toMatchObject({ status: 'refused', currentSteps: [] });
    expect(closed.case.resultNo).toBeUndefined();
    expect(closed.log.filter((e) => e.action === 'step-done').map((e) => e.actorId)).toEqual(['s-ob-clerk-a', 's-ob-land', 's-ob-farm', 's-ob-build', 's-ob-clerk-a', 's-supervisor']);
  });
});
