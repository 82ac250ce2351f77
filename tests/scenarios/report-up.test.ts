import { describe, expect, test } from '@jest/globals';
import { decideExtension, givenThePlatform, itemNamed, requestExtensionOf } from './support.js';
import type { Given } from './support.js';

/** Decided by the county's 民政局, whose head approves extensions. */
const SUBSIDY = itemNamed('困难残疾人生活补贴和重度残疾人护理补贴');
const HEAD = 's-head-civil';

/** Takes the case in, accepts, reviews first at the base window and reports up; returns the case and the township and county instance ids. */
async function reportedUp(given: Given) {
  const { id, record } = await given.receive(SUBSIDY);
  await given.complete('accept', { accepted: true });
  await given.complete('initial_review', { initialApproved: true, initialOpinion: '经入户核查，符合重度残疾人护理补贴条件' });
  const countyTask = await given.task('county_review');
  return { caseId: record.id, township: id, county: countyTask.instanceId };
}

describe('report-up mode (全程上报代理 + 跨层级联动审批)', () => {
  test('the base window accepts and reviews first, the county decides in its own inbox, and the result is issued back at the base window', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { caseId, township, county } = await reportedUp(given);

    expect(given.jobsOf('digitize-materials')).toHaveLength(1);
    expect(county).not.toBe(township);
    const countyCase = await given.instance(county);
    expect(countyCase.processId).toBe('report-up-county');
    expect(countyCase.variables).toMatchObject({
      caseId, itemCode: SUBSIDY.code, archiveId: `ARC-${caseId}`, initialOpinion: '经入户核查，符合重度残疾人护理补贴条件',
    });
    expect((await given.task('county_review')).candidateGroups).toEqual(['county-reviewer']);
    expect(await given.active(township)).toEqual(['await_decision', 'handle']);

    await given.complete('county_review', { countyOpinion: '同意' });
    expect((await given.task('county_decide')).candidateGroups).toEqual(['director']);
    await given.complete('county_decide', { approved: true });

    expect((await given.instance(county)).status).toBe('completed');
    const issued = given.jobsOf('issue-result');
    expect(issued.map((j) => j.instanceId)).toEqual([township]);
    expect((await given.instance(township)).status).toBe('completed');
    expect((await given.instance(township)).variables).toMatchObject({ approved: true, countyOpinion: '同意', resultNo: '000183003001-20260302-0001' });
  });

  test('a county refusal comes back to the base window, which tells the applicant and files the refusal', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { township } = await reportedUp(given);
    await given.complete('county_review', { countyOpinion: '残疾等级不符' });
    await given.complete('county_decide', { approved: false, refusalReason: '残疾等级为四级，不属于护理补贴对象', legalBasis: '国发〔2015〕52号' });

    expect(await given.active(township)).toEqual(['notify_refusal']);
    await given.complete('notify_refusal');
    expect(given.jobsOf('refusal-notice')[0]?.variables).toMatchObject({ refusalReason: '残疾等级为四级，不属于护理补贴对象' });
    await given.complete('supervisor_review', { refusalUpheld: true });
    expect((await given.instance(township)).status).toBe('completed');
    expect(given.jobsOf('issue-result')).toHaveLength(0);
  });

  test('a case that fails the initial review is refused at the base window and never reaches the county', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(SUBSIDY);
    await given.complete('accept', { accepted: true });
    await given.complete('initial_review', { initialApproved: false, refusalReason: '未持有第二代残疾人证' });

    expect(await given.active(id)).toEqual(['notify_refusal']);
    expect(await given.engine.tasks({ elementId: 'county_review' })).toEqual([]);
    expect(given.jobsOf('digitize-materials')).toHaveLength(0);
  });

  test('an extension the township director approves while the county decides goes to the case server and leaves the county\'s work alone', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { caseId, township } = await reportedUp(given);
    const extensionId = await requestExtensionOf(given, caseId, 10, '县级需补充入户核查');
    expect((await given.task('decide_extension')).instanceId).toBe(township);
    await decideExtension(given, caseId, HEAD, { extensionApproved: true });

    expect(given.jobsOf('extend-time-limit').map((j) => [j.instanceId, j.variables.extensionId])).toEqual([[township, extensionId]]);
    expect((await given.caseOf(caseId)).extendedDays).toBe(10);
    expect(await given.active(township)).toEqual(['await_decision', 'handle']);
    expect(await given.engine.tasks({ elementId: 'county_review' })).toHaveLength(1);
  });
});
