import type { Knex } from 'knex';
import { platformMigrationSource } from '../migrations/index.js';

const MIGRATIONS_TABLE = 'yc_platform_migrations';

/** Brings the case server's tables up to date (the engine's store migrates its own). */
export async function migratePlatform(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource: platformMigrationSource, tableName: MIGRATIONS_TABLE });
}

/**
 * The case server's migrations not run on this database, by name; reads only (a worker
 * checks with it, and leaves migrating to the api process, which owns the tables).
 */
export async function missingPlatformMigrations(db: Knex): Promise<string[]> {
  const all = (await platformMigrationSource.getMigrations([])).map((m) => platformMigrationSource.getMigrationName(m));
  if (!(await db.schema.hasTable(MIGRATIONS_TABLE))) return all;
  const done = new Set((await db(MIGRATIONS_TABLE).select('name')).map((row: { name: string }) => row.name));
  return all.filter((name) => !done.has(name));
}
