import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { chinaTime, complete, itemNamed, receive, receiveAccepted, stepOf } from './cases.js';

const BIRTH = itemNamed('出生登记');
const ROAD = itemNamed('临时占用城市道路审批');

/** The SQL statements the server runs while `act` runs. */
async function queriesDuring(server: TestServer, act: () => Promise<unknown>): Promise<number> {
  await quiet(server);
  let count = 0;
  // The engine's own periodic work (its outbox sweep, timers, jobs, the calendar's refresh) may land in any request: not counted.
  const counting = (q: { sql: string }) => {
    if (/yc_(outbox|timers|jobs|start_timers|messages|calendar)/.test(q.sql)) return;
    // Reference tables are read whole once a second at most (api/reference-cache.ts): whether this request is the one that reads them is timing.
    if (/^select \* from [`"]yc_(org_units|authorities|items)[`"] order by/.test(q.sql)) return;
    count += 1;
    if (process.env.SHOW_SQL) console.log(q.sql);
  };
  server.store.knex.on('query', counting);
  try {
    await act();
  } finally {
    server.store.knex.removeListener('query', counting);
  }
  return count;
}

/** Waits until the background work of earlier requests (each case's watch and its jobs) has stopped querying: it is not this request's. */
async function quiet(server: TestServer): Promise<void> {
  let seen = 1;
  const saw = () => { seen += 1; };
  server.store.knex.on('query', saw);
  while (seen > 0) {
    seen = 0;
    await server.engine.idle();
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  server.store.knex.removeListener('query', saw);
}

describe('the inbox reads what its caller may see, never every open case of the county', () => {
  test('listing the inbox and completing a step run as many queries with 2 open cases in the county as with 12', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const [first, second] = [await receive(server, clerk, BIRTH), await receive(server, clerk, BIRTH)];
    const listing = async () => queriesDuring(server, () => server.call('GET', '/tasks', { token: clerk }));
    const accepting = async (caseId: string) => {
      const task = await stepOf(server, clerk, caseId, 'accept');
      return queriesDuring(server, () => server.call('POST', `/tasks/${task.id}/complete`, { token: clerk, body: { variables: { accepted: true, missingMaterials: [] } } }));
    };
    const listedBefore = await listing();
    const inboxBefore = await queriesDuring(server, () => server.call('GET', '/inbox', { token: clerk }));
    const completedBefore = await accepting(first);

    const other = await server.login('qt.clerk');
    for (let i = 0; i < 10; i++) await receive(server, other, BIRTH);

    expect(await listing()).toBe(listedBefore);
    expect(await queriesDuring(server, () => server.call('GET', '/inbox', { token: clerk }))).toBe(inboxBefore);
    // A completion's own writes race the case's listener (an optimistic retry, a batched commit on PostgreSQL): a few either way,
    // where reading every open task grew by two or more per case.
    expect(Math.abs(await accepting(second) - completedBefore)).toBeLessThanOrEqual(4);
  }, 120_000);
});

describe('GET /inbox: four tabs, filters, time left and cursor paging', () => {
  test('待办 holds my window steps with their case, time left and holder; 已办, 我受理的 and 办结 follow what I did', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const road = await receiveAccepted(server, clerk, ROAD);
    const birth = await receive(server, clerk, BIRTH);

    const todo = (await server.call('GET', '/inbox', { token: clerk })).body;
    expect(todo.total).toBe(1);
    expect(todo.nextCursor).toBeNull();
    expect(todo.rows).toEqual([expect.objectContaining({
      caseId: birth, caseNo: birth, itemCode: BIRTH.code, itemName: '出生登记', applicantName: '王芳', mode: 'direct', stepName: expect.any(String), formKey: 'acceptance',
      // Not claimed yet (待认领): the holder is who claimed the step; the window step is still only in its owner's inbox.
      holder: null, candidateGroups: ['clerk'], takenOverFrom: null, status: 'received',
      receivedAt: '2026-03-02T09:00:00+08:00',
    })]);

    const reviewer = await server.login('ob.reviewer');
    const review = (await server.call('GET', '/inbox', { token: reviewer })).body;
    expect(review.rows.map((r: { caseId: string }) => r.caseId)).toEqual([road]);
    expect(review.rows[0]).toMatchObject({ mode: 'promised', holder: null, workingDaysLeft: expect.any(Number), timeState: 'normal' });
    expect(review.rows[0].dueAt).toMatch(/T23:59:59\+08:00$/);
    expect((await server.call('GET', '/inbox?timeState=red', { token: reviewer })).body).toEqual({ rows: [], total: 0, nextCursor: null });
    expect((await server.call('GET', '/inbox?timeState=normal', { token: reviewer })).body.total).toBe(1);

    const done = (await server.call('GET', '/inbox?tab=done', { token: clerk })).body;
    expect(done.rows).toEqual([expect.objectContaining({ caseId: road, formKey: null, stepName: expect.any(String), taskId: expect.any(String) })]);
    const mine = (await server.call('GET', '/inbox?tab=mine&sort=receivedAt', { token: clerk })).body;
    expect(mine.rows.map((r: { caseId: string }) => r.caseId).sort()).toEqual([road, birth].sort());
    expect((await server.call('GET', `/inbox?tab=mine&itemCode=${BIRTH.code}`, { token: clerk })).body.rows.map((r: { caseId: string }) => r.caseId)).toEqual([birth]);
    expect((await server.call('GET', '/inbox?tab=mine&applicant=%25', { token: clerk })).body.total).toBe(0);
    expect((await server.call('GET', '/inbox?tab=mine&applicant=芳', { token: clerk })).body.total).toBe(2);
    expect((await server.call('GET', '/inbox?tab=mine&from=2026-03-03', { token: clerk })).body.total).toBe(0);

    await complete(server, clerk, birth, 'accept', { accepted: true, missingMaterials: [] });
    await complete(server, clerk, birth, 'decide', { approved: true, opinion: '符合条件' });
    const closed = (await server.call('GET', '/inbox?tab=closed', { token: clerk })).body;
    expect(closed.rows).toEqual([expect.objectContaining({ caseId: birth, status: 'completed', timeState: null, workingDaysLeft: null, dueAt: null })]);
    expect((await server.call('GET', '/inbox?tab=closed', { token: await server.login('qt.clerk') })).body.total).toBe(0);
  }, 120_000);

  test('a B post sees the absent A post\'s steps as taken over from A; pages follow the cursor to the end', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const cases = [];
    for (let i = 0; i < 3; i++) cases.push(await receive(server, clerk, BIRTH));
    const b = await server.login('ob.clerk.b');
    expect((await server.call('GET', '/inbox', { token: b })).body.total).toBe(0);
    await server.call('PUT', '/staff/s-ob-clerk-a/absence', { token: await server.login('ob.director'), body: { absent: true } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const got: { body: { rows: Array<{ caseId: string; takenOverFrom: { id: string } | null }>; total: number; nextCursor: string | null } } =
        await server.call('GET', `/inbox?limit=2&sort=receivedAt${cursor ? `&cursor=${cursor}` : ''}`, { token: b });
      expect(got.body.total).toBe(3);
      expect(got.body.rows.every((r) => r.takenOverFrom?.id === 's-ob-clerk-a')).toBe(true);
      seen.push(...got.body.rows.map((r) => r.caseId));
      cursor = got.body.nextCursor;
    } while (cursor);
    // Received at the same instant (the test's clock stands still): every one once, in some order.
    expect([...seen].sort()).toEqual([...cases].sort());
    expect((await server.call('GET', '/inbox?cursor=not-ours', { token: b })).status).toBe(400);
    expect((await server.call('GET', '/inbox?limit=201', { token: b })).status).toBe(400);
  }, 120_000);
});
