import type { Knex } from 'knex';

/**
 * The engine's tables. Append-only history, snapshots with a version for optimistic
 * concurrency, projections the engine reads (tasks, jobs, subscriptions, timers) and the
 * outbox of effects. Runs unchanged on SQLite and PostgreSQL.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_deployments', (t) => {
    t.string('key', 200).primary();
    t.string('name', 200).notNullable();
    t.text('xml').notNullable();
    t.bigInteger('deployed_at').notNullable();
    t.text('processes').notNullable();
    t.string('checksum', 64).notNullable().index();
    t.integer('position').notNullable();
  });
  await knex.schema.createTable('yc_instances', (t) => {
    t.string('id', 200).primary();
    t.string('process_id', 200).notNullable();
    t.string('definition_key', 250).notNullable();
    t.string('status', 20).notNullable();
    t.string('business_key', 200).index();
    t.string('parent_id', 200).index();
    t.integer('version').notNullable();
    t.text('state').notNullable();
    t.string('last_hash', 64).notNullable();
    t.bigInteger('updated_at').notNullable();
    t.index(['status', 'process_id']);
  });
  await knex.schema.createTable('yc_events', (t) => {
    t.string('instance_id', 200).notNullable();
    t.integer('seq').notNullable();
    t.bigInteger('at').notNullable();
    t.string('type', 30).notNullable();
    t.text('body').notNullable();
    t.string('prev', 64).notNullable();
    t.string('hash', 64).notNullable();
    t.primary(['instance_id', 'seq']);
  });
  await knex.schema.createTable('yc_tasks', (t) => {
    t.string('id', 250).primary();
    t.string('instance_id', 200).notNullable().index();
    t.string('process_id', 200).notNullable();
    t.string('element_id', 200).notNullable();
    t.string('assignee', 200).index();
    t.text('body').notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('closed_at');
    t.string('outcome', 20);
    t.index(['closed_at', 'element_id']);
  });
  await knex.schema.createTable('yc_task_groups', (t) => {
    t.string('task_id', 250).notNullable().index();
    t.string('kind', 10).notNullable();
    t.string('name', 200).notNullable();
    t.index(['kind', 'name']);
  });
  await knex.schema.createTable('yc_jobs', (t) => {
    t.string('id', 250).primary();
    t.string('instance_id', 200).notNullable().index();
    t.string('item_key', 50).notNullable();
    t.string('element_id', 200).notNullable();
    t.string('type', 200).notNullable();
    t.integer('retries').notNullable();
    t.text('headers').notNullable();
    t.bigInteger('locked_until').notNullable();
    t.string('worker', 200);
    t.index(['type', 'locked_until']);
  });
  await knex.schema.createTable('yc_subscriptions', (t) => {
    t.string('id', 300).primary();
    t.string('kind', 10).notNullable();
    t.string('name', 200).notNullable();
    t.string('correlation_key', 200).notNullable();
    t.string('instance_id', 200).notNullable().index();
    t.string('item_key', 50).notNullable();
    t.integer('wait').notNullable();
    t.integer('created_seq').notNullable();
    t.index(['kind', 'name', 'correlation_key']);
  });
  await knex.schema.createTable('yc_timers', (t) => {
    t.string('id', 300).primary();
    t.string('instance_id', 200).notNullable().index();
    t.string('item_key', 50).notNullable();
    t.integer('wait').notNullable();
    t.bigInteger('due').notNullable().index();
  });
  await knex.schema.createTable('yc_outbox', (t) => {
    t.string('id', 300).primary();
    t.string('instance_id', 200).notNullable();
    t.integer('position').notNullable();
    t.text('body').notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('done_at').index();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['yc_outbox', 'yc_timers', 'yc_subscriptions', 'yc_jobs', 'yc_task_groups', 'yc_tasks', 'yc_events', 'yc_instances', 'yc_deployments']) {
    await knex.schema.dropTableIfExists(table);
  }
}
