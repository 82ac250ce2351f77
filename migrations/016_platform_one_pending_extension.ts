import type { Knex } from 'knex';

/**
 * One pending extension request per case, held by the database: two requests at once both
 * passed the check in code, both reached the process, and one stayed pending for ever. A
 * partial unique index (PostgreSQL and SQLite alike) refuses the second; a request is now
 * taken in the table first and logged once (`logged`: whoever writes the log line flips it).
 *
 * A case left with several pending requests by that race keeps the last one (the process's
 * variables hold the last request, so its approval decides that one); the others lapse.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_extensions', (t) => {
    t.boolean('logged').notNullable().defaultTo(true);
  });
  const pending: Array<{ id: string; case_id: string; requested_at: string | number }> = await knex('yc_extensions').where({ status: 'pending' }).orderBy([{ column: 'case_id' }, { column: 'requested_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
  const kept = new Set<string>();
  for (const row of pending) {
    if (!kept.has(row.case_id)) {
      kept.add(row.case_id);
      continue;
    }
    await knex('yc_extensions').where({ id: row.id }).update({ status: 'lapsed', decided_at: Number(row.requested_at), decision_note: '同一办件同时提交了多份延期申请，以最后一份为准' });
  }
  await knex.schema.alterTable('yc_extensions', (t) => {
    t.unique(['case_id'], { indexName: 'yc_extensions_one_pending', predicate: knex.whereRaw("status = 'pending'") });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_extensions', (t) => {
    t.dropUnique(['case_id'], 'yc_extensions_one_pending');
    t.dropColumn('logged');
  });
}
