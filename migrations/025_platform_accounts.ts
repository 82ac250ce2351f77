import type { Knex } from 'knex';

/**
 * Accounts and sessions hardened (issue 11): a person may have to change a one-time password
 * before anything else, an account can be disabled without deleting its history, and a session
 * ends after a while without requests (last_seen_at), so it records when it was last used.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_staff', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.boolean('disabled').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('yc_sessions', (t) => {
    t.bigInteger('last_seen_at');
    t.index(['expires_at']);
  });
  await knex('yc_sessions').update({ last_seen_at: knex.ref('created_at') });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_sessions', (t) => {
    t.dropIndex(['expires_at']);
    t.dropColumn('last_seen_at');
  });
  await knex.schema.alterTable('yc_staff', (t) => {
    t.dropColumn('must_change_password');
    t.dropColumn('disabled');
  });
}
