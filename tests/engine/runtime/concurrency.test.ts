import { describe, expect, test } from '@jest/globals';
import { createEngine, VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import type { Engine } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { definitions, end, process as bpmnProcess, seq, start, userTask } from '../support/bpmn.js';
import { MONDAY_9AM } from '../support/harness.js';

const xml = definitions(bpmnProcess('p', start(), userTask('accept'), userTask('next'), end(), seq('start', 'accept', 'next', 'end')));

/**
 * Two engines (two api servers) on one PostgreSQL database, the process deployed; both are
 * closed afterwards. Embedded SQLite has one process, whose engine already runs one command
 * per instance at a time, so the race needs server mode.
 */
async function withTwoEngines(work: (one: Engine, two: Engine) => Promise<void>): Promise<void> {
  const options = { url: process.env.DATABASE_URL, schema: `race_${process.pid}_${Date.now()}` };
  const make = (n: string, drop: boolean) => createEngine({
    clock: new VirtualClock(MONDAY_9AM), calendar: weekdayCalendar(), newId: () => `${n}-case`,
    store: new KnexStore({ ...options, dropSchemaOnClose: drop }),
  });
  const [one, two] = [make('a', false), make('b', true)];
  try {
    await one.deploy(xml);
    await two.idle();
    await work(one, two);
  } finally {
    await one.close();
    await two.close();
  }
}

/** Two stores each migrate a schema before the race: under a whole server-mode run on 2 cores a test once passed 30 s (alone: under 1 s). */
const TWO_STORES_MS = 120_000;

describe('two clerks completing one task at once', () => {
  test('exactly one wins and the other is told the task was completed meanwhile', async () => {
    if (process.env.TEST_STORE !== 'postgres') return;
    await withTwoEngines(async (one, two) => {
      const instance = await one.start('p');
      const [task] = await one.tasks({ instanceId: instance.id });
      const results = await Promise.allSettled([one.completeTask(task!.id, { by: 'one' }), two.completeTask(task!.id, { by: 'two' })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [lost] = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(lost!.reason).toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
      expect(await one.tasks({ instanceId: instance.id })).toEqual([expect.objectContaining({ elementId: 'next' })]);
      expect(await one.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
    });
  }, TWO_STORES_MS);

  test('a server whose last look at an instance is out of date still completes its task, from the fresh state', async () => {
    if (process.env.TEST_STORE !== 'postgres') return;
    await withTwoEngines(async (one, two) => {
      const instance = await one.start('p');
      const [accept] = await two.tasks({ instanceId: instance.id });
      await two.completeTask(accept!.id, { by: 'two' });
      const [next] = await one.tasks({ instanceId: instance.id });
      await one.completeTask(next!.id, { by: 'one' });
      expect(await one.instance(instance.id)).toMatchObject({ status: 'completed', variables: { by: 'one' } });
      expect(await one.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
      await expect(one.completeTask(accept!.id)).rejects.toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
    });
  }, TWO_STORES_MS);
});
