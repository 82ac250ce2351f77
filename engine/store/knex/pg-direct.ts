import type { Knex } from 'knex';
import { PlanGenerations } from './plan-generations.js';
import type { PreparingConnection } from './plan-generations.js';

export interface PgStatement {
  /** Prepared on each connection and run on a plan made once per generation (see PlanGenerations), when given. */
  name?: string;
  /** SQL with `$1`, `$2` … placeholders. */
  text: string;
  values: unknown[];
}

interface PgConnection extends PreparingConnection {
  query(statement: PgStatement): Promise<{ rows: Array<Record<string, unknown>> }>;
}

const generations = new PlanGenerations();

/**
 * Runs one statement on a connection of knex's pool, past knex's query builder and runner,
 * which cost about as much client time as the round trip itself. For the statements every
 * step makes (the commit, the open tasks of an instance); everything else goes through knex.
 * A connection that failed is dropped by the pool, as with knex's own queries.
 */
export async function pgQuery(knex: Knex, statement: PgStatement): Promise<Array<Record<string, unknown>>> {
  const connection = (await knex.client.acquireConnection()) as PgConnection;
  try {
    const name = statement.name === undefined ? undefined : await generations.nameOn(connection, statement.name);
    return (await connection.query(name === undefined ? statement : { ...statement, name })).rows;
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
