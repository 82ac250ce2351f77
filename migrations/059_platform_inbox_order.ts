import type { Knex } from 'knex';

/** What a step without a due date sorts by: after every dated one (the largest integer a JSON number holds exactly). Frozen here as released. */
const NO_DUE = 9_007_199_254_740_991;

/**
 * The inbox's first page without reading the whole 待办. A busy clerk's 待办 holds thousands of
 * steps; sorted by time left with a computed key (coalesce of the due date), the database read
 * them all to find the first fifty. Each step now carries that key as a column (`due_key`), and
 * every way a step reaches a person's 待办 has an index that keeps its steps in that order: by
 * assignee, by first-ask owner, unowned in a unit, and by candidate group in a handling unit,
 * whose rows carry the key and the assignee too, so a group's unclaimed steps come in order
 * from that table alone. Each index also holds what the branch checks (unit, assignee), so the
 * 待办's total is counted from the indexes without reading a row. The cases a clerk owns
 * (我受理的) get the same: an index in their list's order.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_open_tasks', (t) => {
    t.bigInteger('due_key').notNullable().defaultTo(NO_DUE);
  });
  await knex('yc_open_tasks').whereNotNull('due_at').update({ due_key: knex.ref('due_at') });
  await knex.schema.alterTable('yc_open_task_groups', (t) => {
    t.bigInteger('due_key').notNullable().defaultTo(NO_DUE);
    t.string('assignee', 200);
  });
  const step = (column: string) => knex('yc_open_tasks as t').select(`t.${column}`).where('t.task_id', knex.ref('yc_open_task_groups.task_id'));
  await knex('yc_open_task_groups').update({ due_key: step('due_key'), assignee: step('assignee') });
  await knex.schema.alterTable('yc_open_tasks', (t) => {
    t.dropIndex([], 'yc_open_tasks_assignee');
    t.dropIndex([], 'yc_open_tasks_owner');
    t.dropIndex([], 'yc_open_tasks_unit_owner');
    t.index(['assignee', 'due_key', 'task_id', 'org_unit_id'], 'yc_open_tasks_assignee_due');
    // The assignee after the order's columns: PostgreSQL keeps an index's order past equalities only, not past IS NULL.
    t.index(['owner_id', 'window_step', 'due_key', 'task_id', 'assignee', 'org_unit_id'], 'yc_open_tasks_owner_due');
    // Only the unowned and unclaimed: so it never competes with the owner's index for an owner's steps (PostgreSQL
    // took it there, and then sorted all of them), and stays small.
    t.index(['org_unit_id', 'window_step', 'due_key', 'task_id'], 'yc_open_tasks_unit_due', { predicate: knex.whereNull('owner_id').whereNull('assignee') });
  });
  await knex.schema.alterTable('yc_open_task_groups', (t) => {
    t.index(['group_name', 'handling_unit', 'due_key', 'task_id', 'assignee'], 'yc_open_task_groups_due');
  });
  // 我受理的 (the cases a clerk owns) in the same order, by the expression its list sorts by (api/inbox/list.ts).
  await knex.raw(`create index yc_cases_owner_due on yc_cases (owner_id, (coalesce(due_at, ${NO_DUE})), id)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index yc_cases_owner_due');
  await knex.schema.alterTable('yc_open_task_groups', (t) => {
    t.dropIndex([], 'yc_open_task_groups_due');
  });
  await knex.schema.alterTable('yc_open_task_groups', (t) => {
    t.dropColumn('due_key');
    t.dropColumn('assignee');
  });
  await knex.schema.alterTable('yc_open_tasks', (t) => {
    t.dropIndex([], 'yc_open_tasks_assignee_due');
    t.dropIndex([], 'yc_open_tasks_owner_due');
    t.dropIndex([], 'yc_open_tasks_unit_due');
    t.index(['assignee'], 'yc_open_tasks_assignee');
    t.index(['owner_id', 'window_step'], 'yc_open_tasks_owner');
    t.index(['org_unit_id', 'owner_id', 'window_step'], 'yc_open_tasks_unit_owner');
  });
  await knex.schema.alterTable('yc_open_tasks', (t) => {
    t.dropColumn('due_key');
  });
}
