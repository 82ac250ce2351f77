import type { Knex } from 'knex';
import { pgQuery } from './pg-direct.js';
import type { RowChanges, TaskChange } from './row-changes.js';

/** Parameters of one statement, in the order they appear in its text, each cast to its type. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
  /** `unnest` of one array per column: the rows of a multi-row insert. */
  unnest(columns: Array<[unknown[], string]>): string {
    return `unnest(${columns.map(([values, cast]) => this.add(values, `${cast}[]`)).join(', ')})`;
  }
}

/** Every sub-statement but the snapshot's runs only when the snapshot was written (`inst` has its row). */
const WRITTEN = 'EXISTS (SELECT FROM inst)';
/** Past this many single-row sub-statements a commit is planned afresh rather than prepared (see below). */
const MOST_ROW_STATEMENTS = 8;
/** PostgreSQL's limit on a prepared statement's name. */
const NAME_LENGTH = 63;

type Part = [code: string, sql: (p: Params) => string];

/**
 * A PostgreSQL commit as one statement: the snapshot with its version check first, events,
 * projections and outbox rows after it, each written only when the snapshot was. One
 * statement is one transaction and one round trip. Its text depends only on which rows the
 * commit has, so it is prepared once per shape and connection. A prepared statement keeps
 * a plan made for every value, possibly while the tables were empty; so rows are inserted
 * from `unnest` (no scan) and changed or deleted one per sub-statement by key equality,
 * which is planned as an index lookup even then. `col = ANY(array)` would be a sequential
 * scan forever after. Resolves with whether the snapshot was written (false: the version
 * check failed).
 */
export async function commitPostgres(knex: Knex, changes: RowChanges): Promise<boolean> {
  const p = new Params();
  const parts = [`inst AS (${snapshot(p, changes)})`];
  const shape = [changes.expectedVersion === 0 ? 'i' : 'u'];
  const all = subStatements(changes);
  for (const [code, sql] of all) {
    shape.push(code);
    parts.push(`${code.replace(/\d+$/, '')}${parts.length} AS (${sql(p)})`);
  }
  const text = `WITH ${parts.join(',\n')}\nSELECT count(*)::int AS n FROM inst`;
  const name = `yc_${shape.join('.')}`;
  const rowStatements = all.filter(([code]) => /\d$/.test(code)).length;
  const prepared = rowStatements <= MOST_ROW_STATEMENTS && name.length <= NAME_LENGTH;
  const rows = await pgQuery(knex, { ...(prepared ? { name } : {}), text, values: p.values });
  return rows[0]!.n === 1;
}

/** The snapshot's insert or versioned update. */
function snapshot(p: Params, changes: RowChanges): string {
  const i = changes.instance;
  const columns = (): Array<[string, string]> => [
    ['process_id', p.add(i.process_id, 'text')], ['definition_key', p.add(i.definition_key, 'text')], ['status', p.add(i.status, 'text')],
    ['business_key', p.add(i.business_key, 'text')], ['parent_id', p.add(i.parent_id, 'text')], ['version', p.add(i.version, 'int')],
    ['state', p.add(i.state, 'text')], ['updated_at', p.add(i.updated_at, 'int8')],
  ];
  if (changes.expectedVersion === 0) {
    const id = p.add(i.id, 'text');
    const values = columns();
    return `INSERT INTO yc_instances (id, ${values.map(([c]) => c).join(', ')}, last_hash)
      VALUES (${id}, ${values.map(([, v]) => v).join(', ')}, ${p.add(i.last_hash ?? '', 'text')}) ON CONFLICT (id) DO NOTHING RETURNING 1`;
  }
  const set = columns().map(([c, v]) => `${c} = ${v}`).join(', ');
  return `UPDATE yc_instances SET ${set}, last_hash = COALESCE(${p.add(i.last_hash, 'text')}, last_hash)
    WHERE id = ${p.add(i.id, 'text')} AND version = ${p.add(changes.expectedVersion, 'int')} RETURNING 1`;
}

/** The sub-statements a commit needs, in order; a code ending in a digit is one of a series of single-row ones. */
function subStatements(c: RowChanges): Part[] {
  return [
    ...inserts(c),
    ...c.tasks.change.map((change, n): Part => [`t${change.closed ? 'c' : ''}${change.moved ? 'm' : ''}${n}`, (p) => changeTask(p, change)]),
    ...c.jobs.change.map(({ id, retries, elementId }, n): Part => [`jc${n}`, (p) => `UPDATE yc_jobs SET
      retries = COALESCE(${p.add(retries ?? null, 'int')}, retries), element_id = COALESCE(${p.add(elementId ?? null, 'text')}, element_id)
      WHERE id = ${p.add(id, 'text')} AND ${WRITTEN}`]),
    ...deletes('jd', 'yc_jobs', c.jobs.delete),
    ...deletes('sd', 'yc_subscriptions', c.subscriptions.delete),
    ...deletes('md', 'yc_timers', c.timers.delete),
  ];
}

function inserts(c: RowChanges): Part[] {
  const parts: Part[] = [];
  const add = (code: string, rows: number, sql: (p: Params) => string) => rows > 0 && parts.push([code, sql]);
  const { events: e, outbox: o } = c;
  const { insert: t } = c.tasks;
  const { insert: g } = c.groups;
  const { upsert: j } = c.jobs;
  const { upsert: s } = c.subscriptions;
  const { upsert: m } = c.timers;
  add('ev', e.length, (p) => `INSERT INTO yc_events (instance_id, seq, at, type, body, prev, hash) SELECT ${p.add(c.instance.id, 'text')}, * FROM ${p.unnest([
    [e.map((x) => x.seq), 'int'], [e.map((x) => x.at), 'int8'], [e.map((x) => x.type), 'text'],
    [e.map((x) => x.body), 'text'], [e.map((x) => x.prev), 'text'], [e.map((x) => x.hash), 'text']])} WHERE ${WRITTEN}`);
  add('ti', t.length, (p) => `INSERT INTO yc_tasks (id, instance_id, process_id, element_id, assignee, body, created_at, closed_at, outcome) SELECT * FROM ${p.unnest([
    [t.map((x) => x.id), 'text'], [t.map((x) => x.instance_id), 'text'], [t.map((x) => x.process_id), 'text'], [t.map((x) => x.element_id), 'text'],
    [t.map((x) => x.assignee), 'text'], [t.map((x) => x.body), 'text'], [t.map((x) => x.created_at), 'int8'], [t.map((x) => x.closed_at), 'int8'],
    [t.map((x) => x.outcome), 'text']])} WHERE ${WRITTEN}`);
  add('gi', g.length, (p) => `INSERT INTO yc_task_groups (task_id, kind, name) SELECT * FROM ${p.unnest([
    [g.map((x) => x.task_id), 'text'], [g.map((x) => x.kind), 'text'], [g.map((x) => x.name), 'text']])} WHERE ${WRITTEN}`);
  add('ju', j.length, (p) => `INSERT INTO yc_jobs (id, instance_id, item_key, element_id, type, retries, headers, locked_until, worker) SELECT *, NULL FROM ${p.unnest([
    [j.map((x) => x.id), 'text'], [j.map((x) => x.instance_id), 'text'], [j.map((x) => x.item_key), 'text'], [j.map((x) => x.element_id), 'text'],
    [j.map((x) => x.type), 'text'], [j.map((x) => x.retries), 'int'], [j.map((x) => x.headers), 'text'], [j.map((x) => x.locked_until), 'int8']])} WHERE ${WRITTEN}
    ON CONFLICT (id) DO UPDATE SET instance_id = excluded.instance_id, item_key = excluded.item_key, element_id = excluded.element_id, type = excluded.type,
      retries = excluded.retries, headers = excluded.headers, locked_until = excluded.locked_until, worker = NULL`);
  add('su', s.length, (p) => `INSERT INTO yc_subscriptions (id, kind, name, correlation_key, instance_id, item_key, wait, created_seq) SELECT * FROM ${p.unnest([
    [s.map((x) => x.id), 'text'], [s.map((x) => x.kind), 'text'], [s.map((x) => x.name), 'text'], [s.map((x) => x.correlation_key), 'text'],
    [s.map((x) => x.instance_id), 'text'], [s.map((x) => x.item_key), 'text'], [s.map((x) => x.wait), 'int'], [s.map((x) => x.created_seq), 'int']])} WHERE ${WRITTEN}
    ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, correlation_key = excluded.correlation_key, instance_id = excluded.instance_id,
      item_key = excluded.item_key, wait = excluded.wait, created_seq = excluded.created_seq`);
  add('mu', m.length, (p) => `INSERT INTO yc_timers (id, instance_id, item_key, wait, due) SELECT * FROM ${p.unnest([
    [m.map((x) => x.id), 'text'], [m.map((x) => x.instance_id), 'text'], [m.map((x) => x.item_key), 'text'], [m.map((x) => x.wait), 'int'],
    [m.map((x) => x.due), 'int8']])} WHERE ${WRITTEN}
    ON CONFLICT (id) DO UPDATE SET instance_id = excluded.instance_id, item_key = excluded.item_key, wait = excluded.wait, due = excluded.due`);
  add('oi', o.length, (p) => `INSERT INTO yc_outbox (id, instance_id, position, body, created_at) SELECT * FROM ${p.unnest([
    [o.map((x) => x.id), 'text'], [o.map((x) => x.instance_id), 'text'], [o.map((x) => x.position), 'int'], [o.map((x) => x.body), 'text'],
    [o.map((x) => x.created_at), 'int8']])} WHERE ${WRITTEN}`);
  return parts;
}

/** Closes a task, moves it to another element (its body's name follows), or both. */
function changeTask(p: Params, { id, closed, moved }: TaskChange): string {
  const set: string[] = [];
  if (closed) set.push(`closed_at = ${p.add(closed.at, 'int8')}`, `outcome = ${p.add(closed.outcome, 'text')}`);
  if (moved) {
    const el = p.add(moved.elementId, 'text');
    set.push(`element_id = ${el}`, `body = ((body::jsonb - 'name') || jsonb_build_object('elementId', ${p.add(moved.elementId, 'text')})
      || jsonb_strip_nulls(jsonb_build_object('name', ${p.add(moved.name ?? null, 'text')})))::text`);
  }
  return `UPDATE yc_tasks SET ${set.join(', ')} WHERE id = ${p.add(id, 'text')} AND ${WRITTEN}`;
}

function deletes(code: string, table: string, ids: string[]): Part[] {
  return ids.map((id, n): Part => [`${code}${n}`, (p) => `DELETE FROM ${table} WHERE id = ${p.add(id, 'text')} AND ${WRITTEN}`]);
}
