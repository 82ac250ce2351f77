import type { Knex } from 'knex';

/**
 * Running numbers without a race: one row per series and period (case numbers per org unit and
 * day, document numbers per authority and year), incremented in the caller's transaction, so
 * two intakes at once never take the same number and a rolled-back one leaves no gap.
 *
 * Case numbers counted so far from the rows themselves continue where they stand: each
 * unit's day starts from the highest number already given.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('yc_counters', (t) => {
    t.string('scope', 120).notNullable();
    t.string('period', 20).notNullable();
    t.integer('value').notNullable();
    t.primary(['scope', 'period']);
  });
  const highest = new Map<string, number>();
  for (const { id, org_unit_id: unit } of await knex('yc_cases').select('id', 'org_unit_id') as Array<{ id: string; org_unit_id: string }>) {
    const match = id.startsWith(`${unit}-`) ? /^(\d{8})-(\d+)$/.exec(id.slice(unit.length + 1)) : null;
    if (!match) continue;
    const key = `case:${unit}\u0000${match[1]}`;
    highest.set(key, Math.max(highest.get(key) ?? 0, Number(match[2])));
  }
  const rows = [...highest].map(([key, value]) => {
    const [scope, period] = key.split('\u0000') as [string, string];
    return { scope, period, value };
  });
  for (let i = 0; i < rows.length; i += 200) await knex('yc_counters').insert(rows.slice(i, i + 200));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('yc_counters');
}
