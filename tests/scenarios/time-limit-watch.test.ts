import { describe, expect, test } from '@jest/globals';
import { chinaTime, givenThePlatform, itemNamed } from './support.js';
import type { Given } from './support.js';

/** A case the platform does not have: the watch runs alone, and the real raise-card handler leaves no case changed. */
const CASE = 'case-2026-0901';
const iso = (text: string) => new Date(chinaTime(text)).toISOString();

/**
 * A watch whose case server answers `answers` in turn (the last one again after that). The
 * time-limits handler is scripted on purpose: these tests are about the watch process (each
 * card at its exact instant, disarming on a change, ending on close), and scripted answers
 * give exact card instants and a change between two askings that no case's dates would give
 * as plainly. The last test below runs the real handlers on a case taken in.
 */
async function watching(answers: Array<{ watching: boolean; armed: Array<{ rule: string; dueAt: string }> }>): Promise<{ given: Given; id: string }> {
  let asked = 0;
  const given = await givenThePlatform('2026-03-02 09:00', { 'time-limits': () => answers[Math.min(asked++, answers.length - 1)]! });
  const { id } = await given.startBare('time-limit-watch', { caseId: CASE });
  return { given, id };
}

const raised = (given: Given) => given.jobsOf('raise-card').map((j) => [(j.variables.card as { rule: string }).rule, new Date(j.at).toISOString()]);

async function poke(given: Given): Promise<void> {
  await given.engine.publishMessage('time-limit-changed', { correlationKey: CASE, timeToLiveMs: 60_000 });
  await given.engine.idle();
}

describe('the time-limit watch (时限监察)', () => {
  test('raises each armed card at its exact instant, whatever the time of day the case came in, then waits for a change', async () => {
    const { given, id } = await watching([{ watching: true, armed: [{ rule: 'promised-warning', dueAt: iso('2026-03-06 00:00') }, { rule: 'promised-overdue', dueAt: iso('2026-03-10 00:00') }] }]);
    await given.advanceTo('2026-03-05 23:59');
    expect(raised(given)).toEqual([]);
    await given.advanceTo('2026-03-12 12:00');
    expect(raised(given)).toEqual([['promised-warning', iso('2026-03-06 00:00')], ['promised-overdue', iso('2026-03-10 00:00')]]);
    expect(await given.active(id)).toEqual(['idle']);
  });

  test('a change of the case\'s dates disarms every waiting card and asks again', async () => {
    const { given, id } = await watching([
      { watching: true, armed: [{ rule: 'promised-overdue', dueAt: iso('2026-03-10 00:00') }] },
      { watching: true, armed: [{ rule: 'promised-overdue', dueAt: iso('2026-03-17 00:00') }] },
    ]);
    await poke(given);
    expect(given.jobsOf('time-limits')).toHaveLength(2);
    await given.advanceTo('2026-03-16 23:59');
    expect(raised(given)).toEqual([]);
    await given.advanceTo('2026-03-17 00:00');
    expect(raised(given)).toEqual([['promised-overdue', iso('2026-03-17 00:00')]]);
    expect(await given.active(id)).toEqual(['idle']);
  });

  test('with no card to wait for it waits for a change, and ends once the case has closed', async () => {
    const { given, id } = await watching([{ watching: true, armed: [] }, { watching: false, armed: [] }]);
    expect(await given.active(id)).toEqual(['idle']);
    await poke(given);
    expect((await given.instance(id)).status).toBe('completed');
  });

  test('a case taken in and accepted has its cards armed by the case server from its promised date and raised on the case', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { record } = await given.receive(itemNamed('临时占用城市道路审批'));
    await given.complete('accept', { accepted: true });

    // Promised in 5 working days from Monday 2 March: due at the end of Monday 9 March, warned at 00:00 of the working day before.
    await given.advanceTo('2026-03-12 12:00');
    expect(raised(given)).toEqual([['promised-warning', iso('2026-03-06 00:00')], ['promised-overdue', iso('2026-03-10 00:00')]]);
    expect((await given.caseOf(record.id)).cards.map((c) => [c.rule, c.colour])).toEqual([['promised-warning', 'yellow'], ['promised-overdue', 'red']]);
  });
});
