import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { pgQuery } from './pg-direct.js';
import type { PgStatement } from './pg-direct.js';
import type { RowChanges } from './row-changes.js';
import { Params, unnest } from './pg-rows-sql.js';
import type { Owned } from './pg-rows-sql.js';
import { ROW_PARTS } from './commit-pg-rows.js';
import { SNAPSHOT, STORED } from './columns.js';
import type { Snapshot } from './columns.js';

/**
 * The commits of several instances as one PostgreSQL statement: one transaction, one round
 * trip, one WAL flush for them all. Each commit keeps its own version check: a snapshot whose
 * check fails is not written, nor is any other row of its commit, and the others are. Rows
 * come as one array per column (`unnest`), so the statement does not grow with the batch and
 * is prepared once per shape (statementName) and plan generation (PlanGenerations). No two
 * commits may be of the same instance: sub-statements do not see each other's rows. Resolves
 * with the ids of the instances whose commits were written. Not pure: one round trip.
 */
export async function commitPostgres(knex: Knex, batch: readonly RowChanges[]): Promise<Set<string>> {
  const rows = await pgQuery(knex, batchStatement(batch));
  return new Set(rows.map((row) => row.id as string));
}

/** The statement that writes a batch of commits (see commitPostgres). Pure but for the cache of statement names. */
export function batchStatement(batch: readonly RowChanges[]): PgStatement {
  const p = new Params();
  const parts = [...snapshots(p, batch), ...rowParts(p, batch)];
  const text = `WITH ${parts.join(',\n')}\nSELECT id FROM written`;
  return { name: statementName(text), text, values: p.values };
}

/** The name a batch statement is prepared under on each connection: its text depends only on which kinds of rows the batch has. */
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `yc_batch_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return name;
}

/** A commit without events keeps the stored last hash. */
const SET_SNAPSHOT = [...STORED.slice(1, -1).map((name) => `${name} = r.${name}`), 'last_hash = COALESCE(r.last_hash, i.last_hash)'].join(', ');

/**
 * New instances' inserts and older ones' updates with their version checks; `written` is
 * the instances whose snapshots went in.
 */
function snapshots(p: Params, batch: readonly RowChanges[]): string[] {
  const all = batch.map((c): Owned<Snapshot> => ({ row: { ...c.instance, expected: c.expectedVersion }, of: c.instance.id }));
  const created = all.filter(({ row }) => row.expected === 0).map(({ row, of }) => ({ row: { ...row, last_hash: row.last_hash ?? '' }, of }));
  const changed = all.filter(({ row }) => row.expected !== 0);
  const parts: string[] = [];
  if (created.length > 0) {
    parts.push(`created AS (INSERT INTO yc_instances (${STORED.join(', ')}) SELECT ${STORED.join(', ')} FROM ${unnest(p, created, SNAPSHOT)}
      ON CONFLICT (id) DO NOTHING RETURNING id)`);
  }
  if (changed.length > 0) {
    parts.push(`changed AS (UPDATE yc_instances i SET ${SET_SNAPSHOT}
      FROM ${unnest(p, changed, SNAPSHOT)} WHERE i.id = r.id AND i.version = r.expected RETURNING i.id)`);
  }
  const written = [created.length > 0 ? 'SELECT id FROM created' : '', changed.length > 0 ? 'SELECT id FROM changed' : ''].filter(Boolean);
  return [...parts, `written AS (${written.join(' UNION ALL ')})`];
}

/** A sub-statement for each other kind of row that some commit of the batch has. */
function rowParts(p: Params, batch: readonly RowChanges[]): string[] {
  return ROW_PARTS.flatMap(({ name, rows, sql }) => {
    const all = batch.flatMap((c) => rows(c).map((row): Owned<unknown> => ({ row, of: c.instance.id })));
    return all.length === 0 ? [] : [`${name} AS (${sql(p, all)})`];
  });
}
