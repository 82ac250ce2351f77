import type { Knex } from 'knex';

/**
 * 代办后上报: a case taken in by a village centre for the applicant and handled by its township
 * keeps the village as its agent (代办点), so the village's clerks see it and get its result
 * back. A column of its own, indexed, so a village lists the cases it took in without reading
 * its township's.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_cases', (t) => {
    t.string('agent_unit_id', 40).references('id').inTable('yc_org_units').index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_cases', (t) => {
    t.dropColumn('agent_unit_id');
  });
}
