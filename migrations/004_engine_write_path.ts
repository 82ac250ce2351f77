import type { Knex } from 'knex';

/**
 * Indexes and storage for what the engine writes on every step (engine/store/knex/). Every
 * task query asks for open tasks, so the task indexes cover open rows only: closing a task
 * adds no index entries, and lookups never walk closed tasks (nor, between vacuums, their
 * dead row versions). Likewise the outbox is searched only for pending effects. On
 * PostgreSQL, snapshot rows leave room on their page, so that rewriting one (every command
 * does) stays on the page and touches none of the table's indexes.
 */
export async function up(knex: Knex): Promise<void> {
  const open = { predicate: knex.whereNull('closed_at') };
  await knex.schema.alterTable('yc_tasks', (t) => {
    t.dropIndex(['instance_id']);
    t.dropIndex(['assignee']);
    t.dropIndex(['closed_at', 'element_id']);
    t.index(['instance_id'], 'yc_tasks_open_by_instance', open);
    t.index(['element_id'], 'yc_tasks_open_by_element', open);
    t.index(['assignee'], 'yc_tasks_open_by_assignee', open);
  });
  await knex.schema.alterTable('yc_outbox', (t) => {
    t.dropIndex(['done_at']);
    t.index(['created_at', 'instance_id', 'position'], 'yc_outbox_pending', { predicate: knex.whereNull('done_at') });
  });
  if (knex.client.config.client === 'pg') await knex.raw('alter table yc_instances set (fillfactor = 50)');
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') await knex.raw('alter table yc_instances reset (fillfactor)');
  await knex.schema.alterTable('yc_outbox', (t) => {
    t.dropIndex([], 'yc_outbox_pending');
    t.index(['done_at']);
  });
  await knex.schema.alterTable('yc_tasks', (t) => {
    t.dropIndex([], 'yc_tasks_open_by_instance');
    t.dropIndex([], 'yc_tasks_open_by_element');
    t.dropIndex([], 'yc_tasks_open_by_assignee');
    t.index(['instance_id']);
    t.index(['assignee']);
    t.index(['closed_at', 'element_id']);
  });
}
