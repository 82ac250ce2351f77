import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, itemNamed, receiveAccepted } from './cases.js';

const ROAD = itemNamed('临时占用城市道路审批');

describe('one pending extension request per case, held by the database', () => {
  test('two requests at once: one is taken, the other answered 409 in words, and the head has one approval to give', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, ROAD);
    const ask = (reason: string) => server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 3, reason } });

    const answers = await Promise.all([ask('需现场勘验'), ask('申请人要求'), ask('材料需核实')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.error).toMatchObject({ code: 'EXTENSION_PENDING', message: expect.stringMatching(/待审批的延期申请/) });
    }
    await server.engine.idle();
    const pending = await server.store.knex('yc_extensions').where({ case_id: caseId, status: 'pending' });
    expect(pending.map((e: { id: string }) => e.id)).toEqual([answers.find((a) => a.status === 201)!.body.id]);
    const instanceId = (await server.store.knex('yc_cases').where({ id: caseId }).first()).instance_id;
    expect((await server.engine.tasks({ instanceId })).filter((t) => t.formKey === 'extension-decision')).toHaveLength(1);
    const log = (await server.store.knex('yc_case_log').where({ case_id: caseId, action: 'extension-requested' }));
    expect(log).toHaveLength(1);
  }, 60_000);

  test('the database itself refuses a second pending request of a case', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receiveAccepted(server, await server.login('ob.clerk.a'), ROAD);
    const row = (id: string) => ({ id, case_id: caseId, days: 1, reason: '理由', status: 'pending', requested_by: 's-ob-clerk-a', requested_at: 0 });
    await server.store.knex('yc_extensions').insert(row(`${caseId}-E-1`));
    const second = await server.store.knex('yc_extensions').insert(row(`${caseId}-E-2`)).then(() => 'stored', (err: Error) => err.message);
    if (process.env.SHOW_SQL) console.log(second, await server.store.knex('yc_extensions').select('id', 'case_id', 'status'));
    expect(second).toMatch(/UNIQUE|unique/);
    await server.store.knex('yc_extensions').where({ id: `${caseId}-E-1` }).update({ status: 'refused' });
    await server.store.knex('yc_extensions').insert(row(`${caseId}-E-2`));
  }, 60_000);
});
