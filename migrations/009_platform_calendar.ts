import type { Knex } from 'knex';

/**
 * The holiday arrangements administrators enter (the State Council's notice for a year, which
 * the chinese-days package does not know yet), and a security log of administrators' actions.
 *
 * The arrangement is rows, not a file: every api and worker process reads the same one, and
 * `revision` (one number for all years, raised by every change) tells a process whether the
 * copy it holds is current, with one small read.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_calendar_years', (t) => {
    t.integer('year').primary();
    t.integer('revision').notNullable().unique();
    t.string('source', 200).notNullable();
    t.string('entered_by', 60).notNullable().references('id').inTable('yc_staff');
    t.bigInteger('entered_at').notNullable();
  });
  await knex.schema.createTable('yc_calendar_days', (t) => {
    t.string('date', 10).primary();
    t.integer('year').notNullable().references('year').inTable('yc_calendar_years').index();
    t.boolean('working').notNullable();
    t.string('name', 40).notNullable();
  });
  await knex.schema.createTable('yc_security_log', (t) => {
    t.increments('id').primary();
    t.bigInteger('at').notNullable();
    t.string('actor_id', 60).references('id').inTable('yc_staff');
    t.string('action', 60).notNullable().index();
    t.text('detail').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('yc_security_log');
  await knex.schema.dropTable('yc_calendar_days');
  await knex.schema.dropTable('yc_calendar_years');
}
