/**
 * Next year's calendar through the HTTP API: the provisional statutory holidays before the
 * State Council's arrangement is entered, entering it, and what that does to running cases.
 * Dates are written out from 《全国年节及纪念日放假办法》 and the arrangements, never computed by
 * the code under test.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ServiceItem } from '../../processes/catalog/types.js';
import { VirtualClock } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import { openPlatform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import { seedDemoCounty } from '../../api/seed/demo-county.js';
import { httpClient, startServer } from './support.js';
import type { TestServer } from './support.js';
import { advanceTo, chinaTime, detail, itemNamed, noticeText, receiveAccepted, withItem } from './cases.js';

const endOf = (day: string) => chinaTime(`${day} 23:59`) + 59_999;

/** A promised item of 20 working days (promise and law alike), as 行政许可法 §42 sets. */
const TWENTY: ServiceItem = {
  ...itemNamed('临时占用城市道路审批'), code: '000181001095', name: '二十个工作日的承诺件', mode: 'promised', processId: 'promised', departments: [],
  promisedDays: 20, statutoryDays: 20, statutoryUnit: 'working-days', specialProcedures: [], stepLimits: [],
};

/** 2027 as an administrator might enter it: New Year 1 to 4 January, a Saturday worked in February (a made-up example: the real notice is not out). */
const NEW_YEAR_2027 = {
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'].map((date) => ({ date, name: '元旦' })),
  workdays: [{ date: '2027-01-30', name: '春节' }],
  source: '国办发明电〔2026〕测试',
};

async function acceptedTwenty(server: TestServer): Promise<string> {
  await withItem(server, TWENTY);
  return receiveAccepted(server, await server.login('ob.clerk.a'), TWENTY);
}

describe('next year\'s calendar', () => {
  test('without 2027\'s arrangement, New Year\'s Day 2027 is a provisional day off: 20 working days from 7 December 2026 end on 5 January 2027', async () => {
    const server = await startServer(chinaTime('2026-12-07 09:30'));
    const caseId = await acceptedTwenty(server);
    const clerk = await server.login('ob.clerk.a');
    expect((await detail(server, clerk, caseId)).case).toMatchObject({ dueAt: endOf('2027-01-05'), statutoryDueAt: endOf('2027-01-05') });
    expect(await noticeText(server, clerk, caseId, 'acceptance')).toContain('即 <strong>2027年1月5日</strong> 前办结');

    const calendar = (await server.call('GET', '/calendar', { token: clerk })).body;
    expect(calendar.years.map((y: { year: number; status: string }) => [y.year, y.status])).toEqual([[2025, 'published'], [2026, 'published'], [2027, 'provisional']]);
    expect(calendar.warnings).toEqual([{ year: 2027, message: expect.stringContaining('2027年的节假日安排尚未录入') }]);
    const year = (await server.call('GET', '/calendar/2027', { token: clerk })).body;
    expect(year.status).toBe('provisional');
    expect(year.days.slice(0, 1)).toEqual([{ date: '2027-01-01', working: false, name: '元旦', source: 'provisional' }]);
  });

  test('before 1 November nobody is warned about next year', async () => {
    const server = await startServer(chinaTime('2026-10-30 09:00'));
    expect((await server.call('GET', '/calendar', { token: await server.login('admin') })).body.warnings).toEqual([]);
  });

  test('entering 2027\'s arrangement moves the running cases it affects, tells each case why, re-arms its cards, and leaves the printed notice as it was', async () => {
    const server = await startServer(chinaTime('2026-12-21 09:00'));
    const caseId = await acceptedTwenty(server);
    let clerk = await server.login('ob.clerk.a');
    // From Monday 21 December, with 1 January off: 19 January.
    expect((await detail(server, clerk, caseId)).case.dueAt).toBe(endOf('2027-01-19'));

    const entered = await server.call('PUT', '/calendar/2027', { token: await server.login('admin'), body: NEW_YEAR_2027 });
    expect(entered.status).toBe(200);
    expect(entered.body).toMatchObject({ year: 2027, movedCases: [caseId] });

    // 4 January off as well: 20 January.
    const moved = await detail(server, clerk, caseId);
    expect(moved.case).toMatchObject({ dueAt: endOf('2027-01-20'), statutoryDueAt: endOf('2027-01-20') });
    expect(moved.log.find((e) => e.action === 'dates-recomputed').detail).toMatchObject({
      reason: '2027年节假日安排已录入（国办发明电〔2026〕测试）', changes: expect.arrayContaining([{ field: 'dueAt', from: endOf('2027-01-19'), to: endOf('2027-01-20') }]),
    });
    expect(moved.dateChanges).toEqual(expect.arrayContaining([{ at: chinaTime('2026-12-21 09:00'), field: 'dueAt', from: endOf('2027-01-19'), to: endOf('2027-01-20'), reason: expect.stringContaining('2027年节假日安排已录入'), printedOn: ['受理通知书'] }]));
    expect(await noticeText(server, clerk, caseId, 'acceptance')).toContain('即 <strong>2027年1月19日</strong> 前办结');
    const security = await server.store.knex('yc_security_log').where({ action: 'calendar-entered' });
    expect(security).toHaveLength(1);
    expect(security[0].actor_id).toBe('s-admin');

    await advanceTo(server, '2027-01-20 23:59');
    clerk = await server.login('ob.clerk.a');
    expect((await detail(server, clerk, caseId)).case.cards.filter((c: { colour: string }) => c.colour === 'red')).toEqual([]);
    await advanceTo(server, '2027-01-21 00:00');
    clerk = await server.login('ob.clerk.a');
    expect((await detail(server, clerk, caseId)).case.cards.filter((c: { colour: string }) => c.colour === 'red').map((c: { at: number }) => c.at)).toEqual([chinaTime('2027-01-21 00:00'), chinaTime('2027-01-21 00:00')]);
  });

  test('an arrangement that cannot be right is refused with every problem named, and nothing is stored', async () => {
    const server = await startServer(chinaTime('2026-12-07 09:00'));
    const admin = await server.login('admin');
    const wrong = await server.call('PUT', '/calendar/2027', { token: admin, body: {
      holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-06', name: '元旦' }], source: '测试',
    } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'CALENDAR_INVALID', fields: [
      { field: 'holidays.1.date', problem: '2027-01-01 重复录入（与 holidays.0 相同），每天只能录入一次' },
      { field: 'workdays.0.date', problem: '2027-01-06 是工作日，调休上班日只能是周六或周日' },
    ] });
    const farAway = await server.call('PUT', '/calendar/2030', { token: admin, body: NEW_YEAR_2027 });
    expect(farAway.status).toBe(400);
    expect(farAway.body.error.fields).toEqual(expect.arrayContaining([{ field: 'year', problem: '只能录入 2025 年至 2027 年的节假日安排' }]));
    expect((await server.call('PUT', '/calendar/2027', { token: await server.login('ob.clerk.a'), body: NEW_YEAR_2027 })).status).toBe(403);
    expect((await server.call('GET', '/calendar/2027', { token: admin })).body.status).toBe('provisional');
  });
});

describe('one calendar for every process', () => {
  const opened: Array<() => Promise<void>> = [];
  afterEach(async () => { await Promise.all(opened.splice(0).map((close) => close())); });

  /** A second case server on the same database as the first (a worker or another api process). */
  async function twoServers(at: number): Promise<[ReturnType<typeof httpClient>, ReturnType<typeof httpClient>]> {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-calendar-'));
    const schema = `cal_${process.pid}_${Date.now()}`;
    const store = () => (process.env.TEST_STORE === 'postgres' ? new KnexStore({ url: process.env.DATABASE_URL, schema }) : new KnexStore({ filename: path.join(dir, 'shared.sqlite') }));
    const servers = [];
    for (const s of [store(), store()]) {
      const platform = await openPlatform({ store: s, clock: new VirtualClock(at) });
      await seedDemoCounty(s.knex);
      const server: Server = await new Promise((resolve) => { const h = createApp({ db: s.knex, engine: platform.engine }).listen(0, '127.0.0.1', () => resolve(h)); });
      opened.unshift(async () => { await new Promise((resolve) => server.close(resolve)); await platform.engine.close(); });
      servers.push(httpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    }
    opened.push(async () => {
      rmSync(dir, { recursive: true, force: true });
      if (process.env.TEST_STORE === 'postgres') {
        const cleanup = new KnexStore({ url: process.env.DATABASE_URL });
        await cleanup.knex.raw('drop schema if exists ?? cascade', [schema]);
        await cleanup.close();
      }
    });
    return [servers[0]!, servers[1]!];
  }

  test('an arrangement entered through one process counts in the other at once', async () => {
    const [first, second] = await twoServers(chinaTime('2026-12-07 09:00'));
    expect((await second.call('GET', '/calendar/2027', { token: await second.login('admin') })).body.status).toBe('provisional');
    expect((await first.call('PUT', '/calendar/2027', { token: await first.login('admin'), body: NEW_YEAR_2027 })).status).toBe(200);
    const seen = (await second.call('GET', '/calendar/2027', { token: await second.login('admin') })).body;
    expect(seen.status).toBe('entered');
    expect(seen.days.filter((d: { working: boolean }) => d.working).map((d: { date: string }) => d.date)).toEqual(['2027-01-30']);
  });
});
