import type { Knex } from 'knex';
import { approverOfCase } from '../api/cases/extension-store.js';

/**
 * Each extension request names the authority whose head approves it (行政许可法 §42, fixed
 * from its case when it is asked), so a head's list of requests is one indexed query that
 * pages with a total, instead of reading each request's case to decide whether to show it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_extensions', (t) => {
    t.string('approver_id', 60).index('yc_extensions_approver');
    t.index(['requested_at', 'id'], 'yc_extensions_requested');
  });
  const rows: Array<{ id: string; case_id: string }> = await knex('yc_extensions').select('id', 'case_id');
  for (const row of rows) await knex('yc_extensions').where({ id: row.id }).update({ approver_id: await approverOfCase(knex, row.case_id) });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_extensions', (t) => {
    t.dropIndex([], 'yc_extensions_approver');
    t.dropIndex([], 'yc_extensions_requested');
    t.dropColumn('approver_id');
  });
}
