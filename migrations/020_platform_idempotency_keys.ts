import type { Knex } from 'knex';

/**
 * The answers to requests sent with an Idempotency-Key header, per staff member, for 24
 * hours: a clerk's retry after a timeout gets the first answer instead of a second case.
 * `status` is null while the first request is still being handled.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_idempotency_keys', (t) => {
    t.string('staff_id', 60).notNullable();
    t.string('key', 200).notNullable();
    t.string('fingerprint', 64).notNullable();
    // Which request holds the key while it runs (a random id per claim).
    t.string('claim', 36).notNullable();
    t.integer('status');
    t.text('answer');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable().index();
    t.primary(['staff_id', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('yc_idempotency_keys');
}
