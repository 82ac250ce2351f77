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
      pool: { min: 0, max: 10 },
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

function sqlitePragmas(connection: { pragma: (sql: string) => unknown }, done: (err: Error | null, c: unknown) => void): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('busy_timeout = 5000');
  done(null, connection);
}

export function isPostgres(knex: Knex): boolean {
  return knex.client.config.client === 'pg';
}
