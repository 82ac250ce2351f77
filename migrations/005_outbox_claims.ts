import type { Knex } from 'knex';

/**
 * Claims on outbox rows, so that several processes on one database carry out each effect left
 * behind once between them: a process that takes a pending effect writes its name and how long
 * it holds it; another takes it only after that (its owner died). A fresh commit's rows carry
 * no claim: the committing process owns them implicitly (see engine/outbox-sweep.ts), so the
 * commit writes nothing more. The pending-rows index (004) already serves the search.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_outbox', (t) => {
    t.string('claimed_by', 200);
    t.bigInteger('claimed_until');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('yc_outbox', (t) => {
    t.dropColumn('claimed_until');
    t.dropColumn('claimed_by');
  });
}
