import type { Knex } from 'knex';

/**
 * The case server's tables: the org-unit tree with its centers and windows, staff and their
 * sessions, the item catalog, cases with their own who-did-what log, and stored notices.
 * Engine tables are never read from here; the server follows cases through the engine's API.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_org_units', (t) => {
    t.string('id', 40).primary();
    t.string('parent_id', 40).references('id').inTable('yc_org_units');
    t.string('level', 10).notNullable();
    t.string('name', 100).notNullable();
    t.string('center_name', 200).notNullable();
    t.string('center_class', 10).notNullable();
    t.integer('population');
    t.integer('area_m2');
  });
  await knex.schema.createTable('yc_windows', (t) => {
    t.string('id', 60).primary();
    t.string('org_unit_id', 40).notNullable().references('id').inTable('yc_org_units').index();
    t.string('name', 100).notNullable();
    t.text('item_codes').notNullable();
  });
  await knex.schema.createTable('yc_staff', (t) => {
    t.string('id', 60).primary();
    t.string('username', 60).notNullable().unique();
    t.string('name', 60).notNullable();
    t.string('org_unit_id', 40).notNullable().references('id').inTable('yc_org_units').index();
    t.string('window_id', 60).references('id').inTable('yc_windows');
    t.text('roles').notNullable();
    t.string('password_hash', 200).notNullable();
    t.string('backup_for', 60).references('id').inTable('yc_staff');
    t.boolean('absent').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('yc_sessions', (t) => {
    t.string('token_hash', 64).primary();
    t.string('staff_id', 60).notNullable().references('id').inTable('yc_staff').index();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable();
  });
  await knex.schema.createTable('yc_items', (t) => {
    t.string('code', 40).primary();
    t.string('name', 200).notNullable();
    t.string('mode', 20).notNullable();
    t.string('process_id', 100).notNullable();
    t.text('guide').notNullable();
  });
  await knex.schema.createTable('yc_cases', (t) => {
    t.string('id', 40).primary();
    t.string('item_code', 40).notNullable().references('code').inTable('yc_items');
    t.string('org_unit_id', 40).notNullable().references('id').inTable('yc_org_units').index();
    t.string('window_id', 60).references('id').inTable('yc_windows');
    t.string('status', 30).notNullable().index();
    t.string('instance_id', 200);
    t.string('owner_id', 60).references('id').inTable('yc_staff');
    t.text('applicant').notNullable();
    t.text('body').notNullable();
    t.bigInteger('received_at').notNullable();
    t.bigInteger('due_at');
    t.integer('visits').notNullable().defaultTo(1);
    t.integer('version').notNullable().defaultTo(1);
  });
  await knex.schema.createTable('yc_case_log', (t) => {
    t.string('case_id', 40).notNullable().references('id').inTable('yc_cases');
    t.integer('seq').notNullable();
    t.bigInteger('at').notNullable();
    t.string('actor_id', 60);
    t.string('action', 40).notNullable();
    t.text('body').notNullable();
    t.primary(['case_id', 'seq']);
  });
  await knex.schema.createTable('yc_notices', (t) => {
    t.string('id', 60).primary();
    t.string('case_id', 40).notNullable().references('id').inTable('yc_cases').index();
    t.string('kind', 40).notNullable();
    t.text('html').notNullable();
    t.bigInteger('created_at').notNullable();
    t.string('created_by', 60);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['yc_notices', 'yc_case_log', 'yc_cases', 'yc_items', 'yc_sessions', 'yc_staff', 'yc_windows', 'yc_org_units']) {
    await knex.schema.dropTableIfExists(table);
  }
}
