import type { Knex } from 'knex';
import { backfillOpenTasks } from '../api/inbox/open-tasks.js';

/**
 * The inbox's read model: one row per open step of a case, with what the inbox filters,
 * scopes and sorts by (the case's unit, the unit that handles the step, its candidate groups,
 * assignee, owner, due dates), so that a clerk's inbox is an indexed query and completing a
 * step looks up that one step, however many cases the county holds. Written with the case in
 * its own transaction (api/inbox/open-tasks.ts); filled here for the steps open today.
 *
 * Also: the case log by actor (已办, the steps a person did), and the applicant's name and
 * the statutory due date on the case as columns, so the lists over cases filter them without
 * reading every body.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_open_tasks', (t) => {
    t.string('task_id', 250).primary();
    t.string('case_id', 40).notNullable().index('yc_open_tasks_case');
    t.string('instance_id', 200).notNullable();
    t.string('process_id', 200).notNullable();
    t.string('element_id', 200).notNullable();
    t.string('step_name', 200);
    t.string('form_key', 100);
    t.text('candidate_groups').notNullable();
    t.string('assignee', 200).index('yc_open_tasks_assignee');
    t.boolean('window_step').notNullable();
    t.boolean('head_step').notNullable();
    t.string('handling_unit', 40).notNullable();
    t.string('approver_id', 60).index('yc_open_tasks_approver');
    t.string('org_unit_id', 40).notNullable();
    t.string('owner_id', 60);
    t.string('case_no', 40).notNullable();
    t.string('item_code', 40).notNullable();
    t.string('item_name', 200).notNullable();
    t.string('mode', 20).notNullable();
    t.string('applicant_name', 200).notNullable();
    t.string('status', 30).notNullable();
    t.bigInteger('received_at').notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('due_at');
    t.bigInteger('statutory_due_at');
    // A window step by its owner; one without owner by its unit (owner_id null): neither scans the unit's other steps.
    t.index(['owner_id', 'window_step'], 'yc_open_tasks_owner');
    t.index(['org_unit_id', 'owner_id', 'window_step'], 'yc_open_tasks_unit_owner');
  });
  await knex.schema.createTable('yc_open_task_groups', (t) => {
    t.string('group_name', 100).notNullable();
    t.string('handling_unit', 40).notNullable();
    t.string('task_id', 250).notNullable().index('yc_open_task_groups_task');
    t.primary(['group_name', 'handling_unit', 'task_id']);
  });
  await knex.schema.alterTable('yc_case_log', (t) => {
    t.index(['actor_id', 'action', 'at'], 'yc_case_log_by_actor');
  });
  await knex.schema.alterTable('yc_cases', (t) => {
    t.string('applicant_name', 200);
    t.bigInteger('statutory_due_at');
    t.index(['owner_id', 'received_at'], 'yc_cases_owner');
    t.index(['org_unit_id', 'received_at'], 'yc_cases_unit_received');
  });
  await fillApplicantNames(knex);
  await backfillOpenTasks(knex);
}

async function fillApplicantNames(knex: Knex): Promise<void> {
  for (let after = ''; ;) {
    const rows: Array<{ id: string; applicant: string; body: string }> = await knex('yc_cases').where('id', '>', after).orderBy('id').limit(500).select('id', 'applicant', 'body');
    if (rows.length === 0) return;
    for (const row of rows) {
      const statutory = (JSON.parse(row.body) as { statutoryDueAt?: number }).statutoryDueAt;
      await knex('yc_cases').where({ id: row.id }).update({ applicant_name: (JSON.parse(row.applicant) as { name?: string }).name ?? '', statutory_due_at: statutory ?? null });
    }
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('yc_open_task_groups');
  await knex.schema.dropTableIfExists('yc_open_tasks');
  await knex.schema.alterTable('yc_case_log', (t) => t.dropIndex([], 'yc_case_log_by_actor'));
  await knex.schema.alterTable('yc_cases', (t) => {
    t.dropIndex([], 'yc_cases_owner');
    t.dropIndex([], 'yc_cases_unit_received');
    t.dropColumn('applicant_name');
    t.dropColumn('statutory_due_at');
  });
}
