import type { Knex } from 'knex';

/**
 * Departments of staff (a joint review goes to the reviewers of each department the item
 * names), uploaded materials kept in the database, and extension requests with their decision.
 *
 * Uploads are rows (blob on SQLite, bytea on PostgreSQL), not files under data/: the file,
 * the tick on the case's checklist and the log line commit in one transaction, so a crash
 * never leaves a file without its case or a case pointing at no file; several API processes
 * in server mode share them without a shared disk; a database backup holds everything.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_staff', (t) => {
    t.string('department', 100);
  });
  await knex.schema.createTable('yc_materials', (t) => {
    t.string('id', 80).primary();
    t.string('case_id', 40).notNullable().references('id').inTable('yc_cases');
    t.string('name', 200).notNullable();
    t.string('content_type', 40).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.binary('data').notNullable();
    t.bigInteger('uploaded_at').notNullable();
    t.string('uploaded_by', 60).notNullable().references('id').inTable('yc_staff');
    t.index(['case_id', 'name']);
  });
  await knex.schema.createTable('yc_extensions', (t) => {
    t.string('id', 60).primary();
    t.string('case_id', 40).notNullable().references('id').inTable('yc_cases').index();
    t.integer('days').notNullable();
    t.text('reason').notNullable();
    t.string('status', 12).notNullable().index();
    t.string('requested_by', 60).notNullable().references('id').inTable('yc_staff');
    t.bigInteger('requested_at').notNullable();
    t.string('decided_by', 60).references('id').inTable('yc_staff');
    t.bigInteger('decided_at');
    t.text('decision_note');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('yc_extensions');
  await knex.schema.dropTableIfExists('yc_materials');
  await knex.schema.alterTable('yc_staff', (t) => {
    t.dropColumn('department');
  });
}
