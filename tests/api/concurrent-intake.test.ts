import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { applicant, chinaTime, itemNamed, required } from './cases.js';

const BIRTH = itemNamed('出生登记');

describe('intakes at once from the clerks of one unit', () => {
  test('50 intakes at once all succeed, each with its own case number of the day, in sequence', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerks = await Promise.all(['ob.clerk.a', 'ob.clerk.b'].map((name) => server.login(name)));
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      server.call('POST', '/cases', { token: clerks[i % 2]!, body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } })));

    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body])).toEqual([]);
    const numbers = answers.map((a) => a.body.caseNo as string).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `330324-ob-20260302-${String(i + 1).padStart(4, '0')}`));
    await server.engine.idle();
    expect(Number((await server.store.knex('yc_open_tasks').whereIn('case_id', numbers).count({ n: '*' }).first())?.n)).toBe(50);
  }, 180_000);
});
