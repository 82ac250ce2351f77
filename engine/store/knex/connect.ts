import knexFactory from 'knex';
import type { Knex } from 'knex';

export interface KnexStoreOptions {
  /** `postgres://…` for PostgreSQL; otherwise SQLite at `filename`. */
  url?: string;
  /** SQLite file (default: in memory, gone when closed). */
  filename?: string;
  /** PostgreSQL schema for every table (tests give each store its own). */
  schema?: string;
  /** Drop the schema on close (PostgreSQL test isolation). */
  dropSchemaOnClose?: boolean;
}

/** A knex instance for SQLite (better-sqlite3) or PostgreSQL (pg). */
export function connect(options: KnexStoreOptions): Knex {
  if (options.url && /^postgres(ql)?:/.test(options.url)) {
    return knexFactory({
      client: 'pg',
      connection: options.url,
      searchPath: options.schema ? [options.schema] : undefined,
      pool: { min: 0, max: 10, afterCreate: pgSettings },
    });
  }
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: options.filename ?? ':memory:' },
    useNullAsDefault: true,
    // One connection: SQLite serialises writers anyway, and an in-memory database lives in it.
    pool: { min: 1, max: 1, afterCreate: sqlitePragmas },
  });
}

/**
 * Statements prepared on a connection (the batch commit and the open-task reads, see
 * pg-direct.ts) run on a generic plan, made once: planning them at every run cost as much
 * as running them. PlanGenerations renews those plans while the tables grow. Statements
 * knex sends are not prepared: each is planned for its values, whatever this says.
 */
function pgSettings(connection: { query: (sql: string, done: (err: Error | null) => void) => void }, done: (err: Error | null, c: unknown) => void): void {
  connection.query('SET plan_cache_mode = force_generic_plan', (err) => done(err, connection));
}

interface SqliteConnection {
  pragma: (sql: string) => unknown;
  prepare: (sql: string) => unknown;
}

function sqlitePragmas(connection: SqliteConnection, done: (err: Error | null, c: unknown) => void): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('busy_timeout = 5000');
  beginImmediately(connection);
  done(null, connection);
}

/**
 * Several processes may share one SQLite file (the api and a worker on one machine). A
 * transaction that reads before it writes (a case update, a claim) began with knex's plain
 * `BEGIN` holds a read snapshot; when another process writes meanwhile, its first write fails
 * at once with SQLITE_BUSY (the busy timeout does not apply to a stale snapshot). `BEGIN
 * IMMEDIATE` takes the write lock up front, waiting for it under the busy timeout instead.
 * knex has no option for it, so the connection rewrites that one statement.
 */
function beginImmediately(connection: SqliteConnection): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = keptStatements((sql: string) => prepare(sql === 'BEGIN;' ? 'BEGIN IMMEDIATE;' : sql));
}

/** How many prepared statements a SQLite connection keeps: the case server's queries are a few hundred shapes. */
const KEPT_STATEMENTS = 500;

/**
 * knex prepares every statement it runs anew, which cost the case server about a tenth of its time. A statement is
 * kept by its text and run again (better-sqlite3 runs one at a time on a connection, each to its end, so a kept one
 * is never busy; SQLite prepares it again by itself when the schema changed). The least recently used goes first.
 */
function keptStatements(prepare: (sql: string) => unknown): (sql: string) => unknown {
  const kept = new Map<string, unknown>();
  return (sql) => {
    let statement = kept.get(sql);
    if (statement !== undefined) kept.delete(sql);
    else {
      statement = prepare(sql);
      if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return statement;
  };
}

export function isPostgres(knex: Knex): boolean {
  return knex.client.config.client === 'pg';
}
