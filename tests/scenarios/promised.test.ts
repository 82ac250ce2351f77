import { describe, expect, test } from '@jest/globals';
import { askForExtension, cardDates, caseOf, chinaDate, givenTheProcesses } from './support.js';

const ROAD = { itemCode: '000181001001', itemName: '临时占用城市道路审批' };

/** A case promised in 5 working days, accepted on Monday 2026-03-02 (due 03-09), and the window's request for `days` more. */
async function askedForExtension(caseNo: string, days: number) {
  const given = await givenTheProcesses('2026-03-02 09:00');
  const { id } = await given.start('promised', caseOf(caseNo, { ...ROAD, promisedDays: 5 }));
  await given.complete('accept', { accepted: true });
  await askForExtension(given, `case-${caseNo}`, { extensionId: `E-${caseNo}`, extensionDays: days, extensionReason: '需征求交警部门意见' });
  return { given, id };
}

describe('promised mode (承诺件)', () => {
  test('a case accepted on 2026-02-10 with 20 working days is promised for 2026-03-16, across the Spring Festival', async () => {
    const given = await givenTheProcesses('2026-02-10 10:00');
    const { id } = await given.start('promised', caseOf('2026-0201', { ...ROAD, promisedDays: 20 }));
    await given.complete('accept', { missingMaterials: [], accepted: true });

    const [notice] = given.jobsOf('acceptance-notice');
    expect(notice?.variables.promisedDays).toBe(20);
    expect((await given.instance(id)).variables).toMatchObject({ promisedDate: '2026-03-16', daysLeft: 20 });
    expect((await given.task('review')).candidateGroups).toEqual(['reviewer']);
  });

  test('a yellow card comes the working day before the promised date and a red card the first working day after it; the case stays with its reviewer', async () => {
    const given = await givenTheProcesses('2026-02-10 10:00');
    const { id } = await given.start('promised', caseOf('2026-0202', { ...ROAD, promisedDays: 20 }));
    await given.complete('accept', { accepted: true });

    await given.advanceTo('2026-03-13 09:59');
    expect(given.jobsOf('yellow-card')).toHaveLength(0);
    await given.advanceTo('2026-03-13 10:00');
    expect(given.jobsOf('yellow-card').map((j) => chinaDate(j.at))).toEqual(['2026-03-13']);

    await given.advanceTo('2026-03-16 23:59');
    expect(given.jobsOf('red-card')).toHaveLength(0);
    await given.advanceTo('2026-03-17 10:00');
    expect(given.jobsOf('red-card').map((j) => chinaDate(j.at))).toEqual(['2026-03-17']);

    expect(await given.active(id)).toEqual(['handle', 'review', 'time_watch']);
    await given.complete('review', {});
    await given.complete('decide', { approved: true });
    expect(given.jobsOf('issue-result')).toHaveLength(1);
    expect((await given.instance(id)).status).toBe('completed');
  });

  test('a site survey stops the clock: the timers are re-armed on the working days that were left', async () => {
    const given = await givenTheProcesses('2026-03-02 09:00');
    const { id } = await given.start('promised', caseOf('2026-0203', { ...ROAD, promisedDays: 5 }));
    await given.complete('accept', { accepted: true });

    await given.advanceTo('2026-03-04 10:00');
    await given.complete('review', { specialProcedure: '现场勘察' });
    expect(await given.active(id)).toEqual(['special_procedure']);

    await given.advanceTo('2026-03-16 09:00');
    expect(given.jobsOf('yellow-card')).toHaveLength(0);
    expect(given.jobsOf('red-card')).toHaveLength(0);
    await given.complete('special_procedure', { surveyReport: '占道位置符合要求' });

    expect((await given.instance(id)).variables).toMatchObject({ daysLeft: 3, specialProcedure: null });
    expect(await given.active(id)).toEqual(['handle', 'review', 'time_watch']);
    await given.advanceTo('2026-03-20 09:00');
    expect(given.jobsOf('yellow-card').map((j) => chinaDate(j.at))).toEqual(['2026-03-18']);
    expect(given.jobsOf('red-card').map((j) => chinaDate(j.at))).toEqual(['2026-03-20']);

    await given.complete('review', {});
    await given.complete('decide', { approved: true });
    expect((await given.instance(id)).status).toBe('completed');
  });

  test('an extension request opens the director\'s approval beside the review; approved, the cards come at the new due date and the review stays open', async () => {
    const { given, id } = await askedForExtension('2026-0205', 5);
    const review = await given.task('review');
    expect(await given.active(id)).toEqual(['decide_extension', 'extension', 'handle', 'review', 'time_watch']);
    expect(await given.task('decide_extension')).toMatchObject({ candidateGroups: ['authority-head'], formKey: 'extension-decision' });
    await given.complete('decide_extension', { extensionApproved: true, extensionOpinion: '同意' });

    expect(given.jobsOf('extend-time-limit').map((j) => j.variables.extensionId)).toEqual(['E-2026-0205']);
    expect((await given.instance(id)).variables).toMatchObject({ promisedDate: '2026-03-16', daysLeft: 10 });
    expect((await given.task('review')).id).toBe(review.id);
    await given.advanceTo('2026-03-12 23:59');
    expect(cardDates(given)).toEqual({ yellow: [], red: [] });
    await given.advanceTo('2026-03-17 10:00');
    expect(cardDates(given)).toEqual({ yellow: ['2026-03-13'], red: ['2026-03-17'] });
    expect(await given.active(id)).toEqual(['handle', 'review', 'time_watch']);
  });

  test('a refused extension leaves the cards where they were', async () => {
    const { given, id } = await askedForExtension('2026-0206', 3);
    await given.complete('decide_extension', { extensionApproved: false });

    expect(given.jobsOf('extend-time-limit')).toEqual([]);
    await given.advanceTo('2026-03-10 10:00');
    expect(cardDates(given)).toEqual({ yellow: ['2026-03-06'], red: ['2026-03-10'] });
    expect(await given.active(id)).toEqual(['handle', 'review', 'time_watch']);
  });

  test('a decision with a request still pending ends the case and the request with it', async () => {
    const { given, id } = await askedForExtension('2026-0207', 2);
    await given.complete('review', {});
    await given.complete('decide', { approved: true });

    expect((await given.instance(id)).status).toBe('completed');
    expect(await given.engine.tasks({ instanceId: id })).toEqual([]);
  });

  test('a refusal by the director goes to rejection filing and nothing is issued', async () => {
    const given = await givenTheProcesses('2026-03-02 09:00');
    const { id } = await given.start('promised', caseOf('2026-0204', { ...ROAD, promisedDays: 5 }));
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
