import { describe, expect, test } from '@jest/globals';
import { chinaDate, givenThePlatform, itemNamed } from './support.js';

const BIRTH = itemNamed('出生登记');

describe('direct mode (即办件)', () => {
  test('a birth registration with complete materials is accepted, decided and issued at the window on the same day', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id, record } = await given.receive(BIRTH);

    await given.complete('accept', { missingMaterials: [], accepted: true });
    await given.advanceTo('2026-03-02 09:20');
    await given.complete('decide', { approved: true });

    const issued = given.jobsOf('issue-result');
    expect(issued).toHaveLength(1);
    expect(chinaDate(issued[0]!.at)).toBe('2026-03-02');
    const done = await given.instance(id);
    expect(done.status).toBe('completed');
    // The case server numbers a result by the item's code and the case number's date and sequence.
    expect(record.caseNo).toBe('330324-ob-20260302-0001');
    expect(done.variables.resultNo).toBe('000172001001-20260302-0001');
    expect((await given.engine.history(id)).some((e) => e.t === 'activated' && e.el === 'done')).toBe(true);
  });
  test('a refused decision is told at the window, filed, and closed once the supervisor upholds it', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(BIRTH);
    await given.complete('accept', { accepted: true });
    await given.complete('decide', { approved: false, refusalReason: '出生医学证明与户口簿信息不一致', legalBasis: '《中华人民共和国户口登记条例》第七条' });

    await given.complete('notify_refusal');
    expect(given.jobsOf('refusal-notice')[0]?.variables).toMatchObject({ refusalReason: '出生医学证明与户口簿信息不一致' });
    expect(given.jobsOf('rejection-filing')).toHaveLength(1);
    expect((await given.task('supervisor_review')).candidateGroups).toEqual(['supervisor']);
    expect((await given.instance(id)).status).toBe('active');

    await given.complete('supervisor_review', { refusalUpheld: true });
    expect((await given.instance(id)).status).toBe('completed');
    expect(given.jobsOf('issue-result')).toHaveLength(0);
  });

  test('an application outside the item\'s conditions is refused at acceptance and filed the same way', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(BIRTH);
    await given.complete('accept', { accepted: false, refusalReason: '不属于本辖区户籍', legalBasis: '《中华人民共和国户口登记条例》第七条' });

    expect(await given.active(id)).toEqual(['notify_refusal']);
    await given.complete('notify_refusal');
    await given.complete('supervisor_review', { refusalUpheld: false });

    expect(given.jobsOf('rectification-order')).toHaveLength(1);
    expect((await given.instance(id)).status).toBe('completed');
  });
});
