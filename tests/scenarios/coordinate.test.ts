import { describe, expect, test } from '@jest/globals';
import { givenThePlatform, itemNamed } from './support.js';

const MEDIATION = itemNamed('矛盾纠纷联合调处');

describe('coordinate mode (受理并帮助联系、协调)', () => {
  test('a request the centre cannot settle alone is accepted, coordinated with the departments and answered in writing', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(MEDIATION);
    await given.complete('accept', { accepted: true });

    expect(given.jobsOf('acceptance-notice')).toHaveLength(1);
    expect((await given.task('contact')).candidateGroups).toEqual(['clerk']);
    await given.advanceTo('2026-03-10 15:00');
    await given.complete('contact', { contacted: ['示例镇自然资源所', '示例村村民委员会'], reply: '经联合调处，双方就宅基地边界达成一致' });

    const [answer] = given.jobsOf('issue-result');
    expect(answer?.variables.reply).toBe('经联合调处，双方就宅基地边界达成一致');
    expect((await given.instance(id)).status).toBe('completed');
  });
  test('a request outside the centre\'s remit is refused at acceptance and filed', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(MEDIATION);
    await given.complete('accept', { accepted: false, refusalReason: '纠纷已由法院受理', legalBasis: '《中华人民共和国人民调解法》' });
    await given.complete('notify_refusal');
    await given.complete('supervisor_review', { refusalUpheld: true });

    expect(given.jobsOf('acceptance-notice')).toHaveLength(0);
    expect((await given.instance(id)).status).toBe('completed');
  });
});
