import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, detail, itemNamed, receive } from './cases.js';

const BIRTH = itemNamed('出生登记');
const RESIDENCE = itemNamed('流动人口居住登记');

describe('who may withdraw a case', () => {
  test('another clerk of the unit may not; the B post only while the owner is absent; the owner may, with the reason in the log', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const [a, b, director] = [await server.login('ob.clerk.a'), await server.login('ob.clerk.b'), await server.login('ob.director')];
    const withdraw = (token: string, caseId: string) => server.call('POST', `/cases/${caseId}/withdraw`, { token, body: { reason: '申请人书面申请撤回' } });

    const first = await receive(server, a, BIRTH);
    const refused = await withdraw(b, first);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'WITHDRAW_NOT_ALLOWED' } } });
    expect((await detail(server, a, first)).case.status).not.toBe('withdrawn');
    expect((await withdraw(await server.login('county.director'), first)).status).toBe(403);
    expect((await withdraw(await server.login('ma.clerk'), first)).status).toBe(404);

    expect((await withdraw(a, first)).body.status).toBe('withdrawn');
    expect((await detail(server, a, first)).log.filter((e) => e.action === 'withdrawn'))
      .toEqual([expect.objectContaining({ actorId: 's-ob-clerk-a', detail: { reason: '申请人书面申请撤回', as: 'owner' } })]);

    const second = await receive(server, a, BIRTH);
    await server.call('PUT', '/staff/s-ob-clerk-a/absence', { token: director, body: { absent: true } });
    expect((await withdraw(b, second)).body.status).toBe('withdrawn');
    expect((await detail(server, a, second)).log.find((e) => e.action === 'withdrawn')?.detail).toEqual({ reason: '申请人书面申请撤回', as: 'backup' });
  });

  test('the director of the centre that handles the case may, a village case included', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const director = await server.login('ob.director');
    const village = await receive(server, await server.login('ma.clerk'), RESIDENCE);
    const done = await server.call('POST', `/cases/${village}/withdraw`, { token: director, body: { reason: '申请人来电撤回，已核实身份' } });
    expect(done.body.status).toBe('withdrawn');
    expect((await detail(server, director, village)).log.find((e) => e.action === 'withdrawn')?.detail).toEqual({ reason: '申请人来电撤回，已核实身份', as: 'director' });
  });
});
