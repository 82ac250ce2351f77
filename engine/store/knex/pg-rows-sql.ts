import type { RowChanges } from './row-changes.js';
import type { Column } from './columns.js';

/** Parameters of one statement, in the order they appear in its text, each cast to its type. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}


/** A row of some commit of a batch, with the instance whose commit it belongs to. */
export interface Owned<Row> { row: Row; of: string }

/**
 * One kind of row of a batch of commits, as a sub-statement over the rows of every commit
 * that has such rows, written only for commits whose snapshot was (the CTE `written`).
 */
export interface RowPart<Row> {
  name: string;
  rows: (changes: RowChanges) => Row[];
  sql: (p: Params, rows: Array<Owned<Row>>) => string;
}

/** `unnest` of one array per column and one of owners, named `r(…, commit_of)`. Pure. */
export function unnest<Row>(p: Params, rows: ReadonlyArray<Owned<Row>>, columns: ReadonlyArray<Column<Row>>): string {
  const arrays = columns.map(([, cast, value]) => p.add(arrayLiteral(rows.map(({ row }) => value(row))), `${cast}[]`));
  arrays.push(p.add(arrayLiteral(rows.map(({ of }) => of)), 'text[]'));
  return `unnest(${arrays.join(', ')}) AS r(${columns.map(([name]) => name).join(', ')}, commit_of)`;
}

/**
 * A PostgreSQL array literal of texts, numbers and nulls, as node-postgres would make it from
 * the array, at a fraction of its cost: the state and event texts of a batch are most of what
 * a commit sends. Inside an element's quotes PostgreSQL wants `"` and `\\` escaped by a
 * backslash, which is what JSON does to them; JSON's other escapes (control characters, lone
 * surrogates) mean something else there, so texts with those characters take the slow way.
 * Pure.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  if (values.some((value) => typeof value === 'string' && NOT_LIKE_JSON.test(value))) return slowArrayLiteral(values);
  return `{${JSON.stringify(values.map((value) => value ?? null)).slice(1, -1)}}`;
}

/** Characters JSON would escape other than by a backslash before them. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_LIKE_JSON = /[\u0000-\u001f\ud800-\udfff]/;

function slowArrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number') return String(value);
    return `"${String(value).replace(QUOTED, '\\$&')}"`;
  });
  return `{${elements.join(',')}}`;
}

const QUOTED = /["\\]/g;

/** Only rows of commits whose snapshot was written. */
export const WRITTEN = 'r.commit_of IN (SELECT id FROM written)';

/** A multi-row insert, or an upsert when `conflict` says what to set. Pure. */
export function insert<Row>(name: string, table: string, rows: (c: RowChanges) => Row[], columns: Array<Column<Row>>, conflict?: string): RowPart<Row> {
  const names = columns.map(([n]) => n).join(', ');
  const onConflict = conflict ? `\n  ON CONFLICT (id) DO UPDATE SET ${conflict}` : '';
  return { name, rows, sql: (p, all) => `INSERT INTO ${table} (${names}) SELECT ${names} FROM ${unnest(p, all, columns)} WHERE ${WRITTEN}${onConflict}` };
}

/** `SET` of an upsert: every column but the id from the row that was refused. */
export function fromExcluded(columns: ReadonlyArray<Column<never>>): string {
  return columns.filter(([name]) => name !== 'id').map(([name]) => `${name} = excluded.${name}`).join(', ');
}

/** Rows deleted by id. Pure. */
export function remove(name: string, table: string, ids: (c: RowChanges) => string[]): RowPart<string> {
  return { name, rows: ids, sql: (p, all) => `DELETE FROM ${table} t USING ${unnest(p, all, [['id', 'text', (id) => id]])} WHERE t.id = r.id AND ${WRITTEN}` };
}
