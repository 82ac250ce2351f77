import { describe, expect, test } from '@jest/globals';
import { givenThePlatform, itemNamed } from './support.js';

const HOMESTEAD = itemNamed('农村村民宅基地审批');
const group = (department: string) => `reviewer:${department}`;

describe('joint mode (联办件)', () => {
  test('one acceptance opens a review in each of the three departments\' inboxes at once', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    await given.receive(HOMESTEAD);
    await given.complete('accept', { accepted: true });

    expect(given.jobsOf('acceptance-notice')).toHaveLength(1);
    const reviews = await given.engine.tasks({ elementId: 'joint_review' });
    expect(reviews.map((t) => t.candidateGroups).flat().sort()).toEqual(HOMESTEAD.departments.map(group).sort());
  });

  test('when one of three departments refuses, the case goes to rejection filing with every department\'s opinion', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(HOMESTEAD);
    await given.complete('accept', { accepted: true });
    const [land, farm, building] = HOMESTEAD.departments as [string, string, string];

    await given.engine.completeTask((await given.engine.tasks({ candidateGroup: group(land) }))[0]!.id, { approved: false, refusalReason: '选址占用永久基本农田', legalBasis: '《中华人民共和国土地管理法》第六十二条' });
    await given.engine.completeTask((await given.engine.tasks({ candidateGroup: group(farm) }))[0]!.id, { approved: true });
    expect(await given.active(id)).toEqual(['handle', 'joint_review', 'joint_review']);
    await given.engine.completeTask((await given.engine.tasks({ candidateGroup: group(building) }))[0]!.id, { approved: true });
    await given.engine.idle();

    expect(await given.active(id)).toEqual(['notify_refusal']);
    expect((await given.instance(id)).variables.opinions).toEqual([
      { department: land, approved: false, reason: '选址占用永久基本农田', legalBasis: '《中华人民共和国土地管理法》第六十二条' },
      { department: farm, approved: true, reason: null, legalBasis: null },
      { department: building, approved: true, reason: null, legalBasis: null },
    ]);
    await given.complete('notify_refusal', { refusalReason: '拟建房屋选址占用永久基本农田，不符合宅基地审批条件' });
    const [notice] = given.jobsOf('refusal-notice');
    expect(notice?.variables.opinions).toHaveLength(3);
    // The clerk restated the reason in plain words; the refusing department's legal basis still reaches the written decision.
    expect(notice?.variables).toMatchObject({ refusalReason: '拟建房屋选址占用永久基本农田，不符合宅基地审批条件', legalBasis: '《中华人民共和国土地管理法》第六十二条' });
    await given.complete('supervisor_review', { refusalUpheld: true });
    expect(given.jobsOf('issue-result')).toHaveLength(0);
    expect((await given.instance(id)).status).toBe('completed');
  });

  test('when every department agrees, the result is issued once at the unified window', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(HOMESTEAD);
    await given.complete('accept', { accepted: true });

    for (const task of await given.engine.tasks({ elementId: 'joint_review' })) await given.engine.completeTask(task.id, { approved: true });
    await given.engine.idle();

    expect(given.jobsOf('issue-result')).toHaveLength(1);
    expect((await given.instance(id)).status).toBe('completed');
  });

});
