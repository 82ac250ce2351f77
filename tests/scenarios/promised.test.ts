import { describe, expect, test } from '@jest/globals';
import { askForExtension, caseOf, givenTheProcesses } from './support.js';

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
    expect((await given.instance(id)).variables).toMatchObject({ promisedDate: '2026-03-16' });
    expect((await given.task('review')).candidateGroups).toEqual(['reviewer']);
  });

  test('a site survey leaves the timed part for the special procedure, whose end brings the case back to a new review', async () => {
    const given = await givenTheProcesses('2026-03-02 09:00');
    const { id } = await given.start('promised', caseOf('2026-0203', { ...ROAD, promisedDays: 5 }));
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
    const { given, id } = await askedForExtension('2026-0205', 5);
    const review = await given.task('review');
    expect(await given.active(id)).toEqual(['decide_extension', 'extension', 'handle', 'review']);
    expect(await given.task('decide_extension')).toMatchObject({ candidateGroups: ['authority-head'], formKey: 'extension-decision' });
    await given.complete('decide_extension', { extensionApproved: true, extensionOpinion: '同意' });

    expect(given.jobsOf('extend-time-limit').map((j) => j.variables.extensionId)).toEqual(['E-2026-0205']);
    expect((await given.task('review')).id).toBe(review.id);
    expect(await given.active(id)).toEqual(['handle', 'review']);
  });

  test('a refused extension changes nothing', async () => {
    const { given, id } = await askedForExtension('2026-0206', 3);
    await given.complete('decide_extension', { extensionApproved: false });

    expect(given.jobsOf('extend-time-limit')).toEqual([]);
    expect(await given.active(id)).toEqual(['handle', 'review']);
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
