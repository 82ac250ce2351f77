import { afterEach, describe, expect, test } from '@jest/globals';
import type { Knex } from 'knex';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { definitions, end, process as bpmnProcess, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import { boundary, catchEvent, gateway, message, messageDef, timerDef } from '../core/elements.js';
import { databasePerTest } from '../support/shared-database.js';
import type { SharedDatabase } from '../support/shared-database.js';
import { MONDAY_9AM } from '../support/harness.js';
import { ITEM_TABLES, asBeforeMigration008 } from '../support/old-item-ids.js';

/** Durable stores only: the memory store keeps nothing from before an upgrade. */
const durable = (process.env.TEST_STORE ?? 'memory') !== 'memory';
const describeDurable: typeof describe.skip = durable ? describe : describe.skip;

/** A case waiting at once on a clerk's task (with a deadline timer), an external worker's job and a message. */
const WAITING = definitions(message('m', 'county-decision', '=caseId') + bpmnProcess('p',
  start(), gateway('parallel', 'fork'),
  userTask('review', '<zeebe:assignmentDefinition candidateGroups="clerk"/>'), end('reviewed'),
  boundary('late', 'review', timerDef('timeDuration', 'PT2H'), false), end('reminded'),
  serviceTask('file', 'external-filing'), end('filed'),
  catchEvent('decision', messageDef('m')), end('decided'),
  seq('start', 'fork'), seq('fork', 'review', 'reviewed'), seq('late', 'reminded'), seq('fork', 'file', 'filed'), seq('fork', 'decision', 'decided'),
));

async function ids(knex: Knex): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = { yc_task_groups: (await knex('yc_task_groups').select('task_id')).map((r) => r.task_id) };
  for (const table of ITEM_TABLES) {
    const rows = table === 'yc_tasks' ? knex(table).whereNull('closed_at') : knex(table);
    out[table] = (await rows.select('id')).map((r) => r.id).sort();
  }
  return out;
}

const raws: KnexStore[] = [];
afterEach(async () => {
  for (const raw of raws.splice(0)) await raw.close();
});

/** A connection of the test's own to the database, for writing the old rows and reading what became of them. */
function rawStore(db: SharedDatabase): KnexStore {
  return raws[raws.push(db.store() as KnexStore) - 1]!;
}

describeDurable('migration 008: task and job ids of a database written before it', () => {
  const { fresh } = databasePerTest();

  test('open tasks, jobs, timers and subscriptions get ids of the form instance~key and keep working', async () => {
    const db = fresh();
    const before = db.engine('old', MONDAY_9AM);
    await before.engine.deploy(WAITING);
    const { id } = await before.engine.start('p', { caseId: 'c1' });
    await before.engine.idle();
    await before.engine.close();

    const raw = rawStore(db);
    await asBeforeMigration008(raw.knex);
    expect(await ids(raw.knex)).toEqual({
      yc_task_groups: [`${id}/3`], yc_tasks: [`${id}/3`], yc_jobs: [`${id}/4`], yc_timers: [`${id}/3/0`], yc_subscriptions: [`${id}/5/0`],
    });

    const after = db.engine('new', MONDAY_9AM + 60_000);
    const [task] = await after.engine.tasks({ candidateGroup: 'clerk' });
    expect(task?.id).toBe(`${id}~3`);
    expect(await ids(raw.knex)).toEqual({
      yc_task_groups: [`${id}~3`], yc_tasks: [`${id}~3`], yc_jobs: [`${id}~4`], yc_timers: [`${id}~3~0`], yc_subscriptions: [`${id}~5~0`],
    });

    const [job] = await after.engine.activateJobs('external-filing', { worker: 'filing-office' });
    expect(job?.id).toBe(`${id}~4`);
    await after.engine.completeJob(job!.id);
    await after.engine.correlateMessage('county-decision', 'c1', { approved: true });
    await after.engine.completeTask(task!.id, {});
    await expect(after.engine.completeTask(task!.id, {})).rejects.toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
    await after.engine.idle();
    // Each row was found under its new id when its wait ended: none is left behind to fire or correlate.
    expect(await ids(raw.knex)).toEqual({ yc_task_groups: [`${id}~3`], yc_tasks: [], yc_jobs: [], yc_timers: [], yc_subscriptions: [] });
    expect((await after.engine.instance(id))?.status).toBe('completed');
  });

  test('a task id kept from before the migration still completes its task', async () => {
    const db = fresh();
    const before = db.engine('old', MONDAY_9AM);
    await before.engine.deploy(WAITING);
    const { id } = await before.engine.start('p', { caseId: 'c2' });
    await before.engine.close();
    const raw = rawStore(db);
    await asBeforeMigration008(raw.knex);
    const after = db.engine('new', MONDAY_9AM);
    await after.engine.completeTask(`${id}/3`, {});
    expect(await after.engine.tasks({ instanceId: id })).toEqual([]);
    await expect(after.engine.completeTask(`${id}/3`, {})).rejects.toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
  });
});
