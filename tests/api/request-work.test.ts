import { describe, expect, jest, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { chinaTime, complete, itemNamed, receive } from './cases.js';
import { addUnit } from '../../api/org/units.js';
import { allUnits } from '../../api/org/units.js';
import { REFERENCE_TTL_MS } from '../../api/reference-cache.js';
import { WATCH_PROCESS } from '../../api/supervision/watch.js';

const BIRTH = itemNamed('出生登记');

/** How many times the case's time-limit watch computed its cards (its `compute` service task activated). */
async function watchComputations(server: TestServer, caseId: string): Promise<number> {
  await server.engine.idle();
  const watch = await server.store.knex('yc_instances').where({ business_key: caseId, process_id: WATCH_PROCESS }).first('id');
  const events = await server.engine.history(watch.id as string);
  return events.filter((e) => (e as { t?: string; el?: string }).t === 'activated' && (e as { el?: string }).el === 'compute').length;
}

describe('the work a request causes is what it changes', () => {
  test('a direct case\'s watch computes its cards when an instant they count from moves, not at every step', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, BIRTH);
    // Its start, and nothing more for the receipt.
    expect(await watchComputations(server, caseId)).toBe(1);
    await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    // Accepted: the acceptance card no longer applies, the promised ones do.
    expect(await watchComputations(server, caseId)).toBe(2);
    await complete(server, clerk, caseId, 'decide', { approved: true });
    // Decided, as the case follows the decision's commit: the certificate card counts from now (决定后十个工作日内未出证).
    // Then closed by the issuing job: the watch looks once more and ends.
    expect(await watchComputations(server, caseId)).toBe(4);
    const watch = await server.store.knex('yc_instances').where({ business_key: caseId, process_id: WATCH_PROCESS }).first('status');
    expect(watch.status).toBe('completed');
  });
});

describe('reference tables kept per process', () => {
  test('a unit added here is seen at once; one added by another process within a second', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const db = server.store.knex;
    // The cache's own clock (Date.now) held still from here, so a slow machine cannot stretch the moment it keeps rows.
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      const before = (await allUnits(db)).length;
      await addUnit(db, { id: '330324-ob-xx', parentId: '330324-ob', level: 'village', name: '新村', centerName: '瓯北街道新村便民服务中心', centerClass: '村级', areaM2: 50 });
      expect((await allUnits(db)).length).toBe(before + 1);

      // Another process writes the table itself: this one keeps what it read (at `now`) for a moment, then reads again.
      const seen = async () => (await allUnits(db)).find((u) => u.id === '330324-ob-xx')!.name;
      await db('yc_org_units').where({ id: '330324-ob-xx' }).update({ name: '新村（更名）' });
      clock.mockReturnValue(now + REFERENCE_TTL_MS - 1);
      expect(await seen()).toBe('新村');
      clock.mockReturnValue(now + REFERENCE_TTL_MS);
      expect(await seen()).toBe('新村（更名）');
    } finally {
      clock.mockRestore();
    }
  });

  test('inside a transaction the table is read from the database: the transaction sees its own writes', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const db = server.store.knex;
    await allUnits(db);
    await db.transaction(async (trx) => {
      await trx('yc_org_units').where({ id: '330324-ob' }).update({ name: '改名镇' });
      expect((await allUnits(trx)).find((u) => u.id === '330324-ob')!.name).toBe('改名镇');
    });
  });
});
