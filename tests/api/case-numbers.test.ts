import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { applicant, chinaTime, itemNamed, required } from './cases.js';

const BIRTH = itemNamed('出生登记');

describe('case numbers (办件编号) come from the unit\'s counter of the day, never twice', () => {
  test('50 intakes at once by two clerks of one unit all succeed, numbered 0001 to 0050 without a gap or a repeat; the next day starts again at 0001', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const tokens = [await server.login('ob.clerk.a'), await server.login('ob.clerk.b')];
    const intakes = await Promise.all(Array.from({ length: 50 }, (_, i) => server.call('POST', '/cases', {
      token: tokens[i % 2], body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) },
    })));
    expect(intakes.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = intakes.map((r) => r.body.caseNo as string).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `330324-ob-20260302-${String(i + 1).padStart(4, '0')}`));
    expect(intakes.every((r) => r.body.id === r.body.caseNo)).toBe(true);

    const otherUnit = await server.call('POST', '/cases', { token: await server.login('qt.clerk'), body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } });
    expect(otherUnit.body.caseNo).toBe('330324-qt-20260302-0001');
    await server.engine.advanceTime(chinaTime('2026-03-03 09:00') - server.clock.now());
    const nextDay = await server.call('POST', '/cases', { token: await server.login('ob.clerk.a'), body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } });
    expect(nextDay.body.caseNo).toBe('330324-ob-20260303-0001');
  }, 120_000);
});
