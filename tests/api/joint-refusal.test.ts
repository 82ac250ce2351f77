import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, complete, detail, itemNamed, noticeText, receiveAccepted } from './cases.js';

const HOMESTEAD = itemNamed('农村村民宅基地审批');

describe('a joint review\'s refusal keeps the refusing department\'s legal basis', () => {
  test('when the window restates the reason in plain words, the stored 不予许可决定书 still cites the department\'s legal basis', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, HOMESTEAD);

    await complete(server, await server.login('ob.land'), caseId, 'joint_review', { approved: false, refusalReason: '选址占用永久基本农田', legalBasis: '《中华人民共和国土地管理法》第三十五条' });
    await complete(server, await server.login('ob.farm'), caseId, 'joint_review', { approved: true });
    await complete(server, await server.login('ob.build'), caseId, 'joint_review', { approved: true });
    await complete(server, clerk, caseId, 'notify_refusal', { notifiedInWriting: true, refusalReason: '拟建房屋位于永久基本农田保护范围内' });

    const decision = await noticeText(server, clerk, caseId, 'refusal-decision');
    for (const words of ['拟建房屋位于永久基本农田保护范围内', '土地管理法》第三十五条', '行政复议']) expect(decision).toContain(words);
    const filed = (await detail(server, clerk, caseId)).log.find((e) => e.action === 'rejection-filed');
    expect(filed?.detail).toMatchObject({ reason: '拟建房屋位于永久基本农田保护范围内', legalBasis: '《中华人民共和国土地管理法》第三十五条' });
  }, 60_000);
});
