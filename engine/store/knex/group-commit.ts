import type { Knex } from 'knex';
import pg from 'pg';
import { Batches } from './batches.js';
import { commitPostgres } from './commit-pg.js';
import type { RowChanges } from './row-changes.js';

/** Batches written at once: one waits for its WAL flush while the next is executed. */
const IN_FLIGHT = 2;

/**
 * Group commit on PostgreSQL: commits of different instances that arrive while others are
 * being written go to the server together, as one statement (see commitPostgres), and each
 * caller hears whether its own commit was written once the whole statement has been
 * committed, that is durably. A commit never shares a statement with another of its instance.
 */
export class GroupCommit {
  private readonly batches: Batches<RowChanges, boolean>;

  constructor(private readonly knex: Knex) {
    this.batches = new Batches((batch) => this.write(batch), { inFlight: IN_FLIGHT, key: (changes) => changes.instance.id });
  }

  /** Resolves with whether the commit was written (false: its version check failed), once it is durable. Not pure. */
  commit(changes: RowChanges): Promise<boolean> {
    return this.batches.submit(changes);
  }

  /**
   * A statement the server refused wrote nothing: then each commit is written alone, so that
   * only the one that caused the refusal (or lost a deadlock) fails. After a lost connection
   * nobody knows what was written; every caller hears the error.
   */
  private async write(batch: RowChanges[]): Promise<Array<PromiseSettledResult<boolean>>> {
    try {
      const written = await commitPostgres(this.knex, [...batch].sort(byInstance));
      return batch.map((changes) => ({ status: 'fulfilled', value: written.has(changes.instance.id) }));
    } catch (err) {
      if (batch.length === 1 || !(err instanceof pg.DatabaseError)) throw err;
      return Promise.allSettled(batch.map(async (changes) => (await commitPostgres(this.knex, [changes])).has(changes.instance.id)));
    }
  }
}

/**
 * Batches lock their snapshot rows in instance order, so that two processes' batches rarely
 * wait for each other in a circle (a deadlock costs a second before the server breaks it).
 */
function byInstance(a: RowChanges, b: RowChanges): number {
  return a.instance.id < b.instance.id ? -1 : a.instance.id > b.instance.id ? 1 : 0;
}
