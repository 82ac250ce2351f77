import type { Knex } from 'knex';
import * as engine001 from './001_engine.js';

/**
 * Every migration, in order. Numbered and append-only: a released migration is never edited;
 * a change is a new file added at the end. Listed in code (not read from the folder) so the
 * same list runs under tsx, jest and a build.
 */
const migrations: ReadonlyArray<[string, Knex.Migration]> = [
  ['001_engine', engine001],
];

export const migrationSource: Knex.MigrationSource<[string, Knex.Migration]> = {
  getMigrations: async () => [...migrations],
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};
