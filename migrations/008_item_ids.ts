import type { Knex } from 'knex';

/**
 * Task and job ids become usable in a URL path as they are: `instanceId~key` instead of
 * `instanceId/key` (engine/store/projections.ts, ITEM_SEPARATOR), and a wait's row id
 * `instanceId~key~wait`. Rewrites every stored row in the old form, open and closed, so a
 * running instance's tasks, jobs, timers and subscriptions keep working, and a closed task
 * still answers "already completed".
 */
export async function up(knex: Knex): Promise<void> {
  await rewrite(knex, '/', '~');
}

/** Back to `instanceId/key` (and `/wait`), for a return to the version before. */
export async function down(knex: Knex): Promise<void> {
  await rewrite(knex, '~', '/');
}

/**
 * Rewrites the separator after the instance id in every item and wait id. A row is in the
 * `from` form when its id is its instance id, `from`, and the rest. Plain SQL that runs the
 * same on SQLite and PostgreSQL (`||`, `substr`, `length`, a correlated subquery).
 */
async function rewrite(knex: Knex, from: string, to: string): Promise<void> {
  const inForm = (t: string) => `substr(${t}.id, 1, length(${t}.instance_id) + 1) = ${t}.instance_id || '${from}'`;
  const item = (t: string) => `${t}.instance_id || '${to}' || substr(${t}.id, length(${t}.instance_id) + 2)`;
  const wait = (t: string) => `${t}.instance_id || '${to}' || ${t}.item_key || '${to}' || cast(${t}.wait as varchar(20))`;
  // The groups first: they find their task's new id through the task row, still in the old form.
  await knex.raw(`update yc_task_groups set task_id = (select ${item('t')} from yc_tasks t where t.id = yc_task_groups.task_id)
    where task_id in (select t.id from yc_tasks t where ${inForm('t')})`);
  await knex.raw(`update yc_tasks set id = ${item('yc_tasks')} where ${inForm('yc_tasks')}`);
  await knex.raw(`update yc_jobs set id = ${item('yc_jobs')} where ${inForm('yc_jobs')}`);
  await knex.raw(`update yc_timers set id = ${wait('yc_timers')} where ${inForm('yc_timers')}`);
  await knex.raw(`update yc_subscriptions set id = ${wait('yc_subscriptions')} where ${inForm('yc_subscriptions')}`);
}
