import type { Knex } from 'knex';

/**
 * Signed chain heads (engine/history/seals.ts): one row per sealed head, never updated, so the
 * seals of an instance are its sealed heads over time. The signing key is not in the database.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_history_seals', (t) => {
    t.string('instance_id', 200).notNullable();
    t.integer('seq').notNullable();
    t.string('hash', 64).notNullable();
    t.string('key_id', 64).notNullable();
    t.text('signature').notNullable();
    t.bigInteger('sealed_at').notNullable();
    t.primary(['instance_id', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('yc_history_seals');
}
