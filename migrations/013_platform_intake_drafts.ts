import type { Knex } from 'knex';

/**
 * Intakes a clerk began and has not finished (the applicant went to fetch a paper): kept on
 * the server per clerk, so they survive a reload, another computer at the window, or a B post
 * reading on. The content is the page's form as JSON; no uploaded file is kept in a draft.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_intake_drafts', (t) => {
    t.string('id', 64).primary();
    t.string('staff_id', 60).notNullable().references('id').inTable('yc_staff').index();
    t.text('content').notNullable();
    t.bigInteger('updated_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('yc_intake_drafts');
}
