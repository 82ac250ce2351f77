import type { Knex } from 'knex';

/**
 * Effects carried out are deleted from the outbox rather than marked done (store.markDone):
 * a mark rewrote the row and its index entries and kept it for ever, so the table grew with
 * every step though nothing reads a done effect again (the history is the record). This drops
 * the rows earlier versions marked.
 */
export async function up(knex: Knex): Promise<void> {
  await knex('yc_outbox').whereNotNull('done_at').delete();
}

/** Nothing to restore: done rows were never read. */
export async function down(): Promise<void> {}
