import type { Knex } from 'knex';

/** The engine's tables whose row ids are made from item ids. */
export const ITEM_TABLES = ['yc_tasks', 'yc_jobs', 'yc_timers', 'yc_subscriptions'] as const;

/**
 * Writes the rows of a database as the engine wrote them before migration 008 (`instance/key`,
 * `instance/key/wait`) and forgets that the migration ran: the fixture of an old database,
 * made here by hand from each row's columns, independently of the migration under test.
 */
export async function asBeforeMigration008(knex: Knex): Promise<void> {
  const old = (id: string) => id.replace(/~(\d+)(?:~(\d+))?$/, (_all, key: string, wait?: string) => `/${key}${wait === undefined ? '' : `/${wait}`}`);
  for (const row of await knex('yc_task_groups').select('task_id')) await knex('yc_task_groups').where({ task_id: row.task_id }).update({ task_id: old(row.task_id) });
  for (const table of ITEM_TABLES) {
    for (const row of await knex(table).select('id')) await knex(table).where({ id: row.id }).update({ id: old(row.id) });
  }
  await knex('yc_migrations').where({ name: '008_item_ids' }).delete();
}

