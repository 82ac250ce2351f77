import type { Knex } from 'knex';

/**
 * The next number of a series in a period (a unit's cases of a day, an authority's documents
 * of a year): 1 for the first, then one more each time. One statement that inserts the row or
 * adds one to it and returns the new value, so concurrent callers queue on the row and each
 * gets its own number. Call it inside the transaction that uses the number: if that rolls
 * back, so does the count, and the series has no gap. Not pure.
 */
export async function nextInSeries(db: Knex | Knex.Transaction, scope: string, period: string): Promise<number> {
  const rows = await db('yc_counters').insert({ scope, period, value: 1 })
    .onConflict(['scope', 'period']).merge({ value: db.raw('?? + 1', ['yc_counters.value']) })
    .returning('value');
  const first = rows[0] as { value: number | string } | number | undefined;
  const value = typeof first === 'object' ? first.value : first;
  if (value === undefined) throw new Error(`counter ${scope} ${period} returned nothing`);
  return Number(value);
}
