import type { Knex } from 'knex';

/**
 * The Idempotency-Key an intake came with (`<staff id>:<key>`), unique: written in the case's
 * own commit, so a retry finds the case even when the process died before it could record
 * its answer, and two intakes with one key can never both be written.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_cases', (t) => {
    t.string('intake_key', 261).unique();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_cases', (t) => {
    t.dropUnique(['intake_key']);
    t.dropColumn('intake_key');
  });
}
