import type { Knex } from 'knex';

/**
 * Who owns a flow. Once an administrator deploys a process file, the database is its truth:
 * a start of the platform no longer deploys the shipped file over it, but offers a changed
 * shipped file as a draft to review. Each version records who deployed it; drafts are kept
 * apart from deploying; an item may pin the version of the process its cases start.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_process_sources', (t) => {
    // The deployment name, e.g. processes/joint.bpmn: one file deploys one or more processes.
    t.string('name', 200).primary();
    t.string('shipped_checksum', 64).notNullable();
    t.string('changed_by', 60).references('id').inTable('yc_staff');
    t.bigInteger('changed_at');
  });
  await knex.schema.createTable('yc_process_versions', (t) => {
    t.string('process_id', 100).notNullable();
    t.integer('version').notNullable();
    t.string('source_name', 200).notNullable();
    t.string('deployed_by', 60).references('id').inTable('yc_staff');
    t.bigInteger('deployed_at').notNullable();
    t.primary(['process_id', 'version']);
  });
  await knex.schema.createTable('yc_process_drafts', (t) => {
    // Keyed by the process a case starts (the first of its file).
    t.string('process_id', 100).primary();
    t.string('source_name', 200).notNullable();
    t.text('xml').notNullable();
    // administrator: saved in the modeler; shipped: a new version the code brought, 新版本待审核.
    t.string('origin', 20).notNullable();
    t.string('updated_by', 60).references('id').inTable('yc_staff');
    t.bigInteger('updated_at').notNullable();
  });
  await knex.schema.alterTable('yc_items', (t) => {
    // Null: always the newest version; a number pins it.
    t.integer('process_version');
    t.string('policy_changed_by', 60);
    t.bigInteger('policy_changed_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_items', (t) => {
    t.dropColumn('process_version');
    t.dropColumn('policy_changed_by');
    t.dropColumn('policy_changed_at');
  });
  await knex.schema.dropTable('yc_process_drafts');
  await knex.schema.dropTable('yc_process_versions');
  await knex.schema.dropTable('yc_process_sources');
}
