import type { Knex } from 'knex';

/**
 * A case's log lines written once per key: a follower of the engine's effects writes a step's
 * completion under the step's task id, and the outbox may deliver that effect again after a
 * crash. The key is checked before the write; the unique index holds when two deliveries race.
 * Lines without a key (every line before this) are unconstrained: NULLs never collide.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_case_log', (t) => {
    t.string('once_key', 200);
    t.unique(['case_id', 'once_key'], { indexName: 'yc_case_log_once' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_case_log', (t) => {
    t.dropUnique(['case_id', 'once_key'], 'yc_case_log_once');
    t.dropColumn('once_key');
  });
}
