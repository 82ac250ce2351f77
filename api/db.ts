import type { Knex } from 'knex';
import { platformMigrationSource } from '../migrations/index.js';

/** Brings the case server's tables up to date (the engine's store migrates its own). */
export async function migratePlatform(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource: platformMigrationSource, tableName: 'yc_platform_migrations' });
}
