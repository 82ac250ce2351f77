import type { Knex } from 'knex';
import { newTrackingCode } from '../api/cases/tracking-code.js';

/**
 * Each case gets a tracking code (查询码, api/cases/tracking-code.ts), the public tracking page's
 * key instead of the last four digits of the applicant's phone. Cases from before get one here.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_cases', (t) => {
    t.string('tracking_code', 16).unique();
  });
  for (;;) {
    const ids = (await knex('yc_cases').whereNull('tracking_code').limit(500).select('id')).map((r: { id: string }) => r.id);
    if (ids.length === 0) break;
    for (const id of ids) await knex('yc_cases').where({ id }).update({ tracking_code: newTrackingCode() });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_cases', (t) => {
    t.dropUnique(['tracking_code']);
    t.dropColumn('tracking_code');
  });
}
