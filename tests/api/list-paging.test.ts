import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { chinaTime, itemNamed, receive, receiveAccepted } from './cases.js';

const BIRTH = itemNamed('出生登记');
const ROAD = itemNamed('临时占用城市道路审批');

/** Every page of a list, following X-Next-Cursor; each page's X-Total-Count. */
async function allPages(server: TestServer, token: string, path: string, limit: number): Promise<{ ids: string[]; totals: number[]; pages: number }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let pages = 0;
  for (let cursor: string | null = null; ;) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await fetch(`${server.url}/api/v1${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    pages += 1;
    ids.push(...((await res.json()) as Array<{ id: string }>).map((r) => r.id));
    totals.push(Number(res.headers.get('x-total-count')));
    cursor = res.headers.get('x-next-cursor');
    if (!cursor) return { ids, totals, pages };
  }
}

describe('every list pages by cursor and says its total', () => {
  test('cases, tasks, staff and extensions: pages of the asked size, each row once, the total on every page', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const cases = [await receive(server, clerk, BIRTH), await receive(server, clerk, BIRTH), await receiveAccepted(server, clerk, ROAD)];
    await server.call('POST', `/cases/${cases[2]}/extensions`, { token: clerk, body: { days: 2, reason: '需现场勘验' } });

    const listed = await allPages(server, clerk, '/cases', 2);
    expect([listed.pages, [...listed.ids].sort(), listed.totals]).toEqual([2, [...cases].sort(), [3, 3]]);
    expect((await allPages(server, clerk, '/cases?status=received', 1)).ids.sort()).toEqual(cases.slice(0, 2).sort());

    const tasks = await allPages(server, clerk, '/tasks', 1);
    expect([tasks.pages, new Set(tasks.ids).size, tasks.totals]).toEqual([2, 2, [2, 2]]);

    const admin = await server.login('admin');
    const everyone = (await server.call('GET', '/staff?limit=200', { token: admin })).body as Array<{ id: string }>;
    const staff = await allPages(server, admin, '/staff', 5);
    expect(staff.ids).toEqual(everyone.map((s) => s.id));
    expect(staff.totals.every((t) => t === everyone.length)).toBe(true);

    const head = await server.login('zfj.head');
    const asked = await allPages(server, head, '/extensions', 1);
    expect([asked.ids.length, asked.totals]).toEqual([1, [1]]);
    expect((await allPages(server, await server.login('mz.head'), '/extensions', 1)).totals).toEqual([0]);
  }, 120_000);
});
