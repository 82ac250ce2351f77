import type { Knex } from 'knex';

/**
 * Deciding authorities (实施机关) as data: each with its kind (the 行政复议 body follows from it),
 * the org unit it belongs to, its superior where it is managed vertically, and its 机关代字;
 * staff who head one (负责人) name it. Notices keep their title, their document number (unique:
 * 机关代字〔年〕N号, N from the authority's counter of the year), the authority they were issued
 * in the name of, and the key that makes issuing one idempotent per case.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_authorities', (t) => {
    t.string('id', 60).primary();
    t.string('name', 200).notNullable();
    t.string('kind', 30).notNullable();
    t.string('sector', 30).notNullable();
    t.string('org_unit_id', 40).references('id').inTable('yc_org_units');
    t.string('superior_id', 60).references('id').inTable('yc_authorities');
    t.string('doc_code', 30).notNullable().unique();
    t.unique(['org_unit_id', 'sector']);
  });
  await knex.schema.alterTable('yc_staff', (t) => {
    t.string('authority_id', 60).references('id').inTable('yc_authorities');
  });
  await knex.schema.alterTable('yc_notices', (t) => {
    t.string('title', 60);
    t.string('document_no', 80).unique();
    t.string('authority_id', 60);
    t.string('issue_key', 160);
    t.unique(['case_id', 'issue_key']);
  });
  // Notices issued before: each its own key, so none is taken for another.
  await knex('yc_notices').update({ issue_key: knex.ref('id') });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_notices', (t) => {
    t.dropUnique(['case_id', 'issue_key']);
    t.dropUnique(['document_no']);
    t.dropColumns('title', 'document_no', 'authority_id', 'issue_key');
  });
  await knex.schema.alterTable('yc_staff', (t) => {
    t.dropColumn('authority_id');
  });
  await knex.schema.dropTableIfExists('yc_authorities');
}
