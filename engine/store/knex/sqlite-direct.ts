import type { Knex } from 'knex';
import type Database from 'better-sqlite3';

/** A statement prepared once per connection, by its text. */
export type Prepared = (sql: string) => Database.Statement;

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function preparedOn(connection: Database.Database): Prepared {
  let statements = prepared.get(connection);
  if (!statements) prepared.set(connection, (statements = new Map()));
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
    return statement;
  };
}

/**
 * Runs `work` on the SQLite connection of knex's pool (it holds one), past knex's query
 * builder and runner, with statements prepared once per connection: knex builds, prepares
 * and runs each statement anew, which cost a step more than SQLite's own work. For what
 * every step does (the commit, the open tasks of an instance); everything else goes through
 * knex. `work` is synchronous, as better-sqlite3 is: nothing else uses the connection meanwhile.
 */
export async function onSqlite<T>(knex: Knex, work: (connection: Database.Database, statement: Prepared) => T): Promise<T> {
  const connection = (await knex.client.acquireConnection()) as Database.Database;
  try {
    return work(connection, preparedOn(connection));
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
