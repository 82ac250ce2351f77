import type { Knex } from 'knex';

/**
 * Tickets that open a person's inbox stream (GET /inbox/events?ticket=…; EventSource sends no
 * Authorization header). In the database rather than one process's memory: behind several api
 * processes the page may take its ticket from one and open its stream on another. Only the
 * ticket's hash is kept, with the hash of the session it stands for: the ticket dies with it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_stream_tickets', (t) => {
    // In the order they were issued: a session's oldest go first, even among tickets of the same millisecond.
    t.increments('id').primary();
    t.string('ticket_hash', 64).notNullable().unique();
    t.string('session_hash', 64).notNullable().index();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable().index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('yc_stream_tickets');
}
