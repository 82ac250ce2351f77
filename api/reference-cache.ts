import type { Knex } from 'knex';

/**
 * Reference tables (org units, authorities, the item catalog) are read by almost every request and job, and changed by an
 * administrator a few times a year. Each process keeps the rows it read for a moment instead of reading them again per
 * unit of work: a change made in this process is seen at once (its writer calls `changedReference`), one made in
 * another process (a second api, the worker) within `REFERENCE_TTL_MS`. Reads inside a transaction always go to the
 * database, so a transaction sees its own writes and nothing it has not committed is kept.
 */
export const REFERENCE_TTL_MS = 1000;

export type ReferenceTable = 'yc_org_units' | 'yc_authorities' | 'yc_items';

const ORDER: Record<ReferenceTable, string> = { yc_org_units: 'id', yc_authorities: 'id', yc_items: 'code' };

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Kept { rows: Promise<Row[]>; at: number }

/**
 * One map per database: a knex instance and its transactions share their client's config object, so it names the
 * database whichever of them a caller holds (tests open many databases in one process).
 */
const kept = new WeakMap<object, Map<ReferenceTable, Kept>>();

function tablesOf(db: Knex): Map<ReferenceTable, Kept> {
  const key = db.client.config as object;
  return kept.get(key) ?? kept.set(key, new Map()).get(key)!;
}

/** Every row of a reference table, in key order. Not pure: it reads the database when what it keeps is too old. */
export function referenceRows(db: Knex, table: ReferenceTable): Promise<Row[]> {
  // `then` makes it a promise: a query builder kept as it is would run its query again at every await.
  const read = (): Promise<Row[]> => db(table).orderBy(ORDER[table]).then((rows: Row[]) => rows);
  if ((db as Knex.Transaction).isTransaction) return read();
  const tables = tablesOf(db);
  const now = Date.now();
  const have = tables.get(table);
  if (have && now - have.at < REFERENCE_TTL_MS) return have.rows;
  // Callers at the same moment share one read; a failed read is not kept.
  const rows = read();
  tables.set(table, { rows, at: now });
  rows.catch(() => { if (tables.get(table)?.rows === rows) tables.delete(table); });
  return rows;
}

/**
 * Forgets what this process keeps of a table; every writer of a reference table calls it after writing. A writer in a transaction
 * is forgotten again when the transaction ends: a read in between (outside it) kept the rows from before its commit.
 */
export function changedReference(db: Knex, table: ReferenceTable): void {
  const forget = () => { tablesOf(db).delete(table); };
  forget();
  const ending = (db as Knex.Transaction).isTransaction ? (db as Knex.Transaction).executionPromise : undefined;
  ending?.then(forget, forget);
}
