import type { Knex } from 'knex';

export interface PgStatement {
  /** Prepared once per connection under this name, when given. */
  name?: string;
  /** SQL with `$1`, `$2` … placeholders. */
  text: string;
  values: unknown[];
}

interface PgConnection {
  query(statement: PgStatement): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * Runs one statement on a connection of knex's pool, past knex's query builder and runner,
 * which cost about as much client time as the round trip itself. For the two statements
 * every step makes (the commit, the open tasks of an instance); everything else goes
 * through knex. A connection that failed is dropped by the pool, as with knex's own queries.
 */
export async function pgQuery(knex: Knex, statement: PgStatement): Promise<Array<Record<string, unknown>>> {
  const connection = (await knex.client.acquireConnection()) as PgConnection;
  try {
    return (await connection.query(statement)).rows;
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
