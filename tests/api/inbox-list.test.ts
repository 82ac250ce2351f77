import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, itemNamed, receive } from './cases.js';

const BIRTH = itemNamed('出生登记');
const RESIDENCE = itemNamed('流动人口居住登记');

describe('GET /inbox: the list the inbox page reads', () => {
  test('rows carry the case, the step, working days left and its time state; filters and a page at a time', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const a = await server.login('ob.clerk.a');
    await receive(server, a, BIRTH);
    await receive(server, a, BIRTH);
    const list = await server.call('GET', '/inbox?tab=todo&limit=1', { token: a });
    expect(list.body).toMatchObject({ total: 2, nextCursor: '1' });
    expect(list.body.rows[0]).toMatchObject({
      itemName: '出生登记', applicantName: '王芳', mode: BIRTH.mode, stepName: '受理', holder: null, takenOverFrom: null,
      // Received Monday 2 March: five working days to accept (§32), to 9 March.
      workingDaysLeft: 5, timeState: 'normal', candidateGroups: ['clerk'],
    });
    expect((await server.call('GET', `/inbox?cursor=1&limit=1`, { token: a })).body.nextCursor).toBeNull();
    expect((await server.call('GET', '/inbox?applicant=李', { token: a })).body.total).toBe(0);
    expect((await server.call('GET', '/inbox?tab=mine', { token: a })).body.total).toBe(2);
    expect((await server.call('GET', '/inbox?timeState=late', { token: a })).status).toBe(400);
  });

  test('a B post sees the absent A\'s window steps as taken over from A; a village clerk never sees another village\'s', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const a = await server.login('ob.clerk.a');
    const caseId = await receive(server, a, BIRTH);
    await server.call('PUT', '/staff/s-ob-clerk-a/absence', { token: await server.login('ob.director'), body: { absent: true } });
    const rows = (await server.call('GET', '/inbox', { token: await server.login('ob.clerk.b') })).body.rows;
    expect(rows).toEqual([expect.objectContaining({ caseId, takenOverFrom: { id: 's-ob-clerk-a', name: '综合窗口 王芳（A岗）' } })]);

    await receive(server, await server.login('ma.clerk'), RESIDENCE);
    expect((await server.call('GET', '/inbox', { token: await server.login('dl.clerk') })).body.total).toBe(0);
  });
});
