import { describe, expect, test } from '@jest/globals';
import { chinaTime, decideExtension, givenThePlatform, itemNamed, requestExtensionOf, withItem } from './support.js';

/** Promised in 5 working days; decided by the county's 综合行政执法局, whose head approves extensions. */
const ROAD = itemNamed('临时占用城市道路审批');
const HEAD = 's-head-enforce';

/** A case promised in 5 working days, accepted on Monday 2026-03-02 (due 03-09), and the window's request for `days` more. */
async function askedForExtension(days: number) {
  const given = await givenThePlatform('2026-03-02 09:00');
  const { id, record } = await given.receive(ROAD);
  await given.complete('accept', { accepted: true });
  const extensionId = await requestExtensionOf(given, record.id, days, '需征求交警部门意见');
  return { given, id, caseId: record.id, extensionId };
}

describe('promised mode (承诺件)', () => {
  test('a case accepted on 2026-02-10 with 20 working days is promised for 2026-03-16, across the Spring Festival', async () => {
    const given = await givenThePlatform('2026-02-10 10:00');
    const road20 = await withItem(given, { ...ROAD, code: '000181001901', promisedDays: 20 });
    const { id } = await given.receive(road20);
    await given.complete('accept', { missingMaterials: [], accepted: true });

    const [notice] = given.jobsOf('acceptance-notice');
    expect(notice?.variables.promisedDays).toBe(20);
    // The case server answers the instant the promised day ends, China time.
    expect((await given.instance(id)).variables).toMatchObject({ promisedDate: new Date(chinaTime('2026-03-16 23:59') + 59_999).toISOString() });
    expect((await given.task('review')).candidateGroups).toEqual(['reviewer']);
  });

  test('a site survey leaves the timed part for the special procedure, whose end brings the case back to a new review', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(ROAD);
    await given.complete('accept', { accepted: true });

    await given.advanceTo('2026-03-04 10:00');
    await given.complete('review', { specialProcedure: { name: '现场勘察', days: 1 } });
    expect(await given.active(id)).toEqual(['special_procedure']);
    expect((await given.task('special_procedure')).properties).toMatchObject({ suspendsClock: true });

    await given.complete('special_procedure', { outcome: '占道位置符合要求' });
    expect(await given.active(id)).toEqual(['handle', 'review']);
    await given.complete('review', { specialProcedure: null });
    await given.complete('decide', { approved: true });
    expect((await given.instance(id)).status).toBe('completed');
  });

  test('an extension request opens the director\'s approval beside the review; approved, the case server lengthens the limits and the review stays open', async () => {
    const { given, id, caseId, extensionId } = await askedForExtension(5);
    const review = await given.task('review');
    expect(await given.active(id)).toEqual(['decide_extension', 'extension', 'handle', 'review']);
    expect(await given.task('decide_extension')).toMatchObject({ candidateGroups: ['authority-head'], formKey: 'extension-decision' });
    await decideExtension(given, caseId, HEAD, { extensionApproved: true, extensionOpinion: '同意' });

    expect(given.jobsOf('extend-time-limit').map((j) => j.variables.extensionId)).toEqual([extensionId]);
    expect((await given.caseOf(caseId)).extendedDays).toBe(5);
    expect((await given.task('review')).id).toBe(review.id);
    expect(await given.active(id)).toEqual(['handle', 'review']);
  });

  test('a refused extension changes nothing', async () => {
    const { given, id, caseId } = await askedForExtension(3);
    await decideExtension(given, caseId, HEAD, { extensionApproved: false });

    expect(given.jobsOf('extend-time-limit')).toEqual([]);
    expect(await given.active(id)).toEqual(['handle', 'review']);
  });

  test('a decision with a request still pending ends the case and the request with it', async () => {
    const { given, id } = await askedForExtension(2);
    await given.complete('review', {});
    await given.complete('decide', { approved: true });

    expect((await given.instance(id)).status).toBe('completed');
    expect(await given.engine.tasks({ instanceId: id })).toEqual([]);
  });

  test('a refusal by the director goes to rejection filing and nothing is issued', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(ROAD);
    await given.complete('accept', { accepted: true });
    await given.complete('review', {});
    await given.complete('decide', { approved: false, refusalReason: '占用路段为消防通道', legalBasis: '《城市道路管理条例》' });

    expect(await given.active(id)).toEqual(['notify_refusal']);
    await given.complete('notify_refusal');
    await given.complete('supervisor_review', { refusalUpheld: true });
    expect(given.jobsOf('issue-result')).toHaveLength(0);
    expect((await given.instance(id)).status).toBe('completed');
  });
});
