import type { Knex } from 'knex';

/**
 * Saved inbox views (我的视图): a named set of filters a person comes back to every day
 * ("本周到期的居住证"), kept on the server per person so they follow them to another window's
 * computer. The filter is the inbox query as JSON; a name is unique per person.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_inbox_views', (t) => {
    t.string('id', 64).primary();
    t.string('staff_id', 60).notNullable().references('id').inTable('yc_staff');
    t.string('name', 40).notNullable();
    t.text('filter').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.unique(['staff_id', 'name']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('yc_inbox_views');
}
