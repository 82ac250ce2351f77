/**
 * Dates as the law counts them, through the HTTP API with the platform's clock moved. Every
 * expected date is written out from the law and the published arrangements (2026: 中秋 25–27
 * September, 国庆 1–7 October with 20 September and 10 October worked; 清明 4–6 April), never
 * computed by the code under test.
 */
import { describe, expect, test } from '@jest/globals';
import type { ServiceItem } from '../../processes/catalog/types.js';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { advanceTo, chinaDate, chinaTime, complete, detail, endOfDay, iso, itemNamed, noticeText, receive, receiveAccepted, stepOf, withItem } from './cases.js';

/** The last millisecond of a China day, as due dates are kept. */
const endOf = endOfDay;
const PERMIT = itemNamed('居住证核发');
const BIRTH = itemNamed('出生登记');

/** A promised item of the sample catalog's kind with the limits a test needs. */
function promisedItem(code: string, limits: Partial<ServiceItem>): ServiceItem {
  return {
    ...itemNamed('临时占用城市道路审批'), code, name: `时限测试事项${code.slice(-2)}`, mode: 'promised', processId: 'promised', departments: [],
    specialProcedures: [], stepLimits: [], statutoryUnit: 'working-days', ...limits,
  };
}

async function cards(server: TestServer, caseId: string) {
  const c = (await detail(server, await server.login('ob.clerk.a'), caseId)).case;
  // Cards due at one instant are raised in either order: list them by instant, then rule.
  return (c.cards as Array<{ rule: string; at: string }>).map((k) => [k.rule, k.at] as [string, string]).sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
}

describe('cards at the moment their rule says (README: Cards)', () => {
  test('a direct case accepted on the afternoon of 30 September is overdue from 00:00 on 1 October, not after the National Day week; its promise and the law\'s (both on the spot) pass together', async () => {
    const server = await startServer(chinaTime('2026-09-30 15:00'));
    // 出生登记 itself has no limit in law (户口登记条例 sets only when to report): a direct item whose law says "on the spot".
    const onTheSpot = await withItem(server, { ...BIRTH, code: '000172001901', name: '当场办结测试事项', statutoryDays: 0 });
    const caseId = await receiveAccepted(server, await server.login('ob.clerk.a'), onTheSpot);
    expect((await detail(server, await server.login('ob.clerk.a'), caseId)).case.dueAt).toBe(endOf('2026-09-30'));

    await advanceTo(server, '2026-09-30 23:59');
    expect(await cards(server, caseId)).toEqual([]);
    await advanceTo(server, '2026-10-01 00:00');
    expect(await cards(server, caseId)).toEqual([['promised-overdue', iso('2026-10-01 00:00')], ['statutory-overdue', iso('2026-10-01 00:00')]]);
  });

  test('a promised case accepted at 09:00 gets its yellow card at 00:00 of the working day before its due day, and each red card at 00:00 after its limit', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receiveAccepted(server, await server.login('ob.clerk.a'), PERMIT);
    // 10 promised working days from Monday 2 March: Monday 16 March. The law's 15 days (居住证暂行条例 §11): Tuesday 17 March.
    const accepted = (await detail(server, await server.login('ob.clerk.a'), caseId)).case;
    expect([accepted.dueAt, accepted.statutoryDueAt]).toEqual([endOf('2026-03-16'), endOf('2026-03-17')]);

    await advanceTo(server, '2026-03-12 23:59');
    expect(await cards(server, caseId)).toEqual([]);
    await advanceTo(server, '2026-03-18 12:00');
    expect(await cards(server, caseId)).toEqual([
      ['promised-warning', iso('2026-03-13 00:00')], ['promised-overdue', iso('2026-03-17 00:00')], ['statutory-overdue', iso('2026-03-18 00:00')],
    ]);
    const log = (await detail(server, await server.login('ob.clerk.a'), caseId)).log;
    expect(log.filter((e) => e.action.endsWith('-card')).map((e) => [e.action, e.detail.title])).toEqual([
      ['yellow-card', '临近承诺办结时限（仅剩一个工作日）'], ['red-card', '超过承诺办结时限'], ['red-card', '超过法定办结时限'],
    ]);
  });

  test('no card comes after the case is decided', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, BIRTH);
    await complete(server, clerk, caseId, 'decide', { approved: true });
    await advanceTo(server, '2026-03-10 12:00');
    expect(await cards(server, caseId)).toEqual([]);
  });
});

describe('the 5-working-day rule (行政许可法 §32)', () => {
  test('a case left unaccepted and without a one-time notice is accepted by law from receipt at 00:00 after the fifth working day, with a card for the clerk and the supervisor', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receive(server, await server.login('ob.clerk.a'), PERMIT, ['居民身份证']);
    const received = (await detail(server, await server.login('ob.clerk.a'), caseId)).case;
    expect(received).toMatchObject({ status: 'received', acceptanceDueAt: endOf('2026-03-09') });

    await advanceTo(server, '2026-03-09 23:59');
    expect((await detail(server, await server.login('ob.clerk.a'), caseId)).case.status).toBe('received');
    await advanceTo(server, '2026-03-10 00:00');
    const clerk = await server.login('ob.clerk.a');
    const deemed = (await detail(server, clerk, caseId)).case;
    // Counted from receipt: 10 working days from Monday 2 March end on Monday 16 March, the law's 15 days on Tuesday 17 March.
    expect(deemed).toMatchObject({
      status: 'handling', acceptedAt: iso('2026-03-02 09:00'), acceptance: { kind: 'deemed', at: iso('2026-03-10 00:00') },
      dueAt: endOf('2026-03-16'), statutoryDueAt: endOf('2026-03-17'),
      cards: [{ colour: 'red', rule: 'acceptance-overdue', at: iso('2026-03-10 00:00') }],
    });

    const accept = await stepOf(server, clerk, caseId, 'accept');
    const correction = await server.call('POST', `/tasks/${encodeURIComponent(accept.id)}/complete`, { token: clerk, body: { variables: { accepted: true, missingMaterials: ['近期免冠彩色照片'] } } });
    expect(correction.status).toBe(409);
    expect(correction.body.error.code).toBe('ACCEPTED_BY_LAW');

    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    const notice = await noticeText(server, clerk, caseId, 'acceptance');
    expect(notice).toContain('自收到申请材料之日起即为受理');
    expect(notice).toContain('受理日期：2026年3月2日');
    expect(notice).toContain('即 <strong>2026年3月16日</strong> 前办结');
    expect(notice).toContain('法定办结时限：15日，即 2026年3月17日 前');
  });

  test('a one-time notice given in time keeps the case unaccepted, and no card comes while the applicant gathers the materials', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, PERMIT, ['居民身份证']);
    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: ['近期免冠彩色照片'] });
    await advanceTo(server, '2026-03-20 12:00');
    const waiting = (await detail(server, await server.login('ob.clerk.a'), caseId)).case;
    expect(waiting).toMatchObject({ status: 'correcting', cards: [] });
    expect(waiting.acceptedAt).toBeUndefined();
  });
});

describe('two clocks, as the law keeps them', () => {
  const TWO_CLOCKS = promisedItem('000181001091', { promisedDays: 15, statutoryDays: 20 });

  test('a procedure of §45 (检测) stops both limits, and the applicant gets a 特别程序告知书 saying how long it takes', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    await withItem(server, TWO_CLOCKS);
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, TWO_CLOCKS);
    expect([(await detail(server, clerk, caseId)).case.dueAt, (await detail(server, clerk, caseId)).case.statutoryDueAt]).toEqual([endOf('2026-03-23'), endOf('2026-03-30')]);

    await complete(server, await server.login('ob.reviewer'), caseId, 'review', { opinion: '需检测', specialProcedure: { name: '检测', days: 5 } });
    // 检测 takes Tuesday 3 to Monday 9 March: both limits count again from Tuesday 10 March (15: Monday 30 March; 20: Tuesday 7 April, after 清明 4–6 April).
    const stopped = (await detail(server, clerk, caseId)).case;
    expect([stopped.dueAt, stopped.statutoryDueAt]).toEqual([endOf('2026-03-30'), endOf('2026-04-07')]);
    const notice = await noticeText(server, clerk, caseId, 'special-procedure');
    expect(notice).toContain('检测');
    expect(notice).toContain('所需时间约 5个工作日，预计至 2026年3月9日 结束');
    expect(notice).toContain('不计入法定办结时限和承诺办结时限');
    expect(notice).toContain('承诺办结日期相应顺延至 <strong>2026年3月30日</strong>');
  });

  test('the county\'s own 公示 stops only the promised limit: the promised date is held to the statutory one, which passes with its own red card while the 公示 is still open', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    await withItem(server, TWO_CLOCKS);
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, TWO_CLOCKS);
    await complete(server, await server.login('ob.reviewer'), caseId, 'review', { opinion: '需公示', specialProcedure: { name: '公示', days: 14, unit: 'days' } });
    // 公示 takes 3 to 16 March (14 days): the promised 15 working days would end on 7 April, after the statutory 30 March, so the promise ends with the law's.
    const stopped = (await detail(server, clerk, caseId)).case;
    expect([stopped.dueAt, stopped.statutoryDueAt]).toEqual([endOf('2026-03-30'), endOf('2026-03-30')]);
    expect(await noticeText(server, clerk, caseId, 'special-procedure')).toContain('不计入承诺办结时限，法定办结时限照常计算');

    await advanceTo(server, '2026-03-31 00:00');
    expect(await cards(server, caseId)).toEqual(expect.arrayContaining([['statutory-overdue', iso('2026-03-31 00:00')], ['promised-overdue', iso('2026-03-31 00:00')]]));
    expect((await detail(server, await server.login('ob.clerk.a'), caseId)).case.status).toBe('suspended');
  });
});

describe('periods in days (民法典 §203)', () => {
  test('居住证\'s 15 days from 16 September end on 1 October, a holiday, so on the next working day, 8 October; the notice prints the unit', async () => {
    const server = await startServer(chinaTime('2026-09-16 10:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, PERMIT);
    // The promised 10 working days: 17, 18, 20 (a worked Sunday), 21–24, then after 中秋 28, 29 and 30 September.
    const accepted = (await detail(server, clerk, caseId)).case;
    expect([accepted.dueAt, accepted.statutoryDueAt]).toEqual([endOf('2026-09-30'), endOf('2026-10-08')]);
    const notice = await noticeText(server, clerk, caseId, 'acceptance');
    expect(notice).toContain('法定办结时限：15日，即 2026年10月8日 前');
    expect(notice).toContain('自受理之日起 10 个工作日，即 <strong>2026年9月30日</strong> 前办结');
  });
});

describe('step limits inside the promise', () => {
  test('a step whose process gives it 20 working days is due with its case when the item promises 3', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const item = itemNamed('城乡居民基本养老保险参保登记');
    expect([item.mode, item.promisedDays]).toEqual(['report-up', 3]);
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, item);
    const review = await stepOf(server, await server.login('ob.reviewer'), caseId, 'initial_review');
    expect(chinaDate(review.dueAt!)).toBe('2026-03-05');
  });

  test('an item\'s own stage limit gives its step a due date inside the promise', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const staged = promisedItem('000181001092', { promisedDays: 20, statutoryDays: 20, stepLimits: [{ step: 'review', name: '审查', days: 15, unit: 'working-days' }] });
    await withItem(server, staged);
    const caseId = await receiveAccepted(server, await server.login('ob.clerk.a'), staged);
    expect(chinaDate((await stepOf(server, await server.login('ob.reviewer'), caseId, 'review')).dueAt!)).toBe('2026-03-23');
  });

  test('an item whose stages cannot fit in its promise is refused when it is saved, saying which', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const tooLong = promisedItem('000181001093', { promisedDays: 20, statutoryDays: 20, stepLimits: [{ step: 'review', name: '审查', days: 15, unit: 'working-days' }, { step: 'decide', name: '决定', days: 10, unit: 'working-days' }] });
    await expect(withItem(server, tooLong)).rejects.toMatchObject({ code: 'ITEM_INVALID', message: expect.stringContaining('各环节时限合计 25 天（审查15+决定10），超出承诺时限 20 个工作日') });
    const overPromise = promisedItem('000181001094', { promisedDays: 25, statutoryDays: 20 });
    await expect(withItem(server, overPromise)).rejects.toMatchObject({ code: 'ITEM_INVALID', message: expect.stringContaining('超过法定时限 20个工作日') });
  });
});
