import type { Knex } from 'knex';

/**
 * Timer start events and the message buffer (engine/start-timers.ts, engine/message-buffer.ts).
 * One row per timer start event of a process's newest version, with its next due time: the
 * processes on one database fire it by compare-and-set on `due` (null once spent). Messages
 * published with a time to live wait in `yc_messages`, taken oldest first (`position`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_start_timers', (t) => {
    t.string('definition_key', 250).notNullable();
    t.string('start_event', 200).notNullable();
    t.string('process_id', 200).notNullable().index();
    t.integer('version').notNullable();
    t.bigInteger('due').index();
    t.integer('fired').notNullable();
    t.text('spec').notNullable();
    t.primary(['definition_key', 'start_event']);
  });
  await knex.schema.createTable('yc_messages', (t) => {
    t.increments('position');
    t.string('id', 300).notNullable().unique();
    t.string('name', 200).notNullable();
    t.string('correlation_key', 200).notNullable();
    t.text('variables').notNullable();
    t.bigInteger('published_at').notNullable();
    t.bigInteger('expires_at').notNullable().index();
    t.index(['name', 'correlation_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('yc_messages');
  await knex.schema.dropTableIfExists('yc_start_timers');
}
