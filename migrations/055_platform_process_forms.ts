import type { Knex } from 'knex';

/**
 * Task forms designed in the modeler, stored with the process version they belong to: one
 * form-js schema per process, version and formKey. Version 0 holds the draft's forms until the
 * draft is deployed, when they become the new version's. A formKey with no row here is the
 * platform's own form (processes/forms).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_process_forms', (t) => {
    t.string('process_id', 100).notNullable();
    t.integer('version').notNullable();
    t.string('form_key', 100).notNullable();
    t.text('schema').notNullable();
    t.string('saved_by', 60).references('id').inTable('yc_staff');
    t.bigInteger('saved_at').notNullable();
    t.primary(['process_id', 'version', 'form_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('yc_process_forms');
}
