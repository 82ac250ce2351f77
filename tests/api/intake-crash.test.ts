import { afterEach, describe, expect, test } from '@jest/globals';
import { VirtualClock } from '../../engine/index.js';
import { applicant, itemNamed, required } from './cases.js';
import { boot, durableDatabase } from './support-durable.js';
import type { BootedServer } from './support-durable.js';
import { caseInstanceIds, startCaseInstances } from '../../api/cases/case-instances.js';
import { findCase } from '../../api/cases/repository.js';
import { findItem } from '../../api/catalog/catalog.js';

const BIRTH = itemNamed('出生登记');
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('intake is one unit of work', () => {
  test('a crash after the case is written and before its process starts is repaired at the next start: the case gets its process and its watch, once', async () => {
    const database = durableDatabase();
    cleanup.push(database.drop);
    const clock = new VirtualClock(Date.UTC(2026, 2, 2, 1, 0, 0));
    const first = await boot(database.store(), clock);
    let running: BootedServer | undefined = first;
    cleanup.push(async () => { await running?.stop(); });
    const clerk = await first.login('ob.clerk.a');
    // The process dies between the case's commit and the engine's: the engine never starts anything again.
    first.platform.engine.start = async () => { throw new Error('the process was killed here'); };
    const answer = await first.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } });
    expect(answer.status).toBe(500);
    const [written] = await first.platform.db('yc_cases').select('id');
    const caseId = (written as { id: string }).id;
    const ids = caseInstanceIds(caseId);
    expect(await first.platform.engine.instance(ids.process)).toBeUndefined();
    await first.stop();
    running = undefined;

    const second = await boot(database.store(), clock);
    running = second;
    expect(second.platform.repaired).toEqual([caseId]);
    const process = await second.platform.engine.instance(ids.process);
    expect(process).toMatchObject({ processId: BIRTH.processId, businessKey: caseId });
    expect(await second.platform.engine.instance(ids.watch)).toMatchObject({ businessKey: caseId });
    const token = await second.login('ob.clerk.a');
    const tasks = (await second.call('GET', '/tasks', { token })).body as Array<{ caseId: string; elementId: string }>;
    expect(tasks.filter((t) => t.caseId === caseId).map((t) => t.elementId)).toEqual(['accept']);
    const shown = (await second.call('GET', `/cases/${caseId}`, { token })).body;
    expect(shown.log.map((l: { action: string }) => l.action)).toEqual(expect.arrayContaining(['intake', 'process-started', 'intake-repaired']));
    await second.stop();

    // A third start finds nothing to repair.
    const third = await boot(database.store(), clock);
    running = third;
    expect(third.platform.repaired).toEqual([]);
  });

  test('starting a case again returns the instances it has (an idempotent start keyed by the case)', async () => {
    const database = durableDatabase();
    cleanup.push(database.drop);
    const server = await boot(database.store(), new VirtualClock(Date.UTC(2026, 2, 2, 1, 0, 0)));
    cleanup.push(server.stop);
    const clerk = await server.login('ob.clerk.a');
    const created = await server.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } });
    expect(created.status).toBe(201);
    const record = (await findCase(server.platform.db, created.body.id))!;
    expect(record.instanceId).toBe(caseInstanceIds(record.id).process);
    const item = (await findItem(server.platform.db, BIRTH.code))!;
    const again = await startCaseInstances(server.platform.engine, record, item, { processId: item.processId });
    expect([again.process.id, again.watch.id]).toEqual([caseInstanceIds(record.id).process, caseInstanceIds(record.id).watch]);
    const tasks = (await server.call('GET', '/tasks', { token: clerk })).body as Array<{ caseId: string }>;
    expect(tasks.filter((t) => t.caseId === record.id)).toHaveLength(1);
  });
});
