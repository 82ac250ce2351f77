import type { Knex } from 'knex';

/**
 * The engine's task ids changed form in its migration 008 (`instanceId/key` became
 * `instanceId~key`, usable in a URL path as it is). A case keeps the ids of its open steps
 * (its body's `currentSteps`), which the inbox and the step's follow-up match against the
 * engine's: they are rewritten the same way. Log lines are history and keep the id they were
 * written with (the server reads both forms there). Done in code rather than SQL, since the
 * steps sit inside the body's JSON; the same on SQLite and PostgreSQL.
 */
const CLOSED = ['completed', 'refused', 'withdrawn'];

export async function up(knex: Knex): Promise<void> {
  await rewrite(knex, /^(.+)\/(\d+)$/, '~');
}

export async function down(knex: Knex): Promise<void> {
  await rewrite(knex, /^(.+)~(\d+)$/, '/');
}

async function rewrite(knex: Knex, from: RegExp, to: string): Promise<void> {
  const rows: Array<{ id: string; body: string }> = await knex('yc_cases').whereNotIn('status', CLOSED).select('id', 'body');
  for (const row of rows) {
    const body = JSON.parse(row.body) as { currentSteps?: Array<{ taskId: string }> };
    const steps = body.currentSteps ?? [];
    if (!steps.some((s) => from.test(s.taskId))) continue;
    const currentSteps = steps.map((s) => ({ ...s, taskId: s.taskId.replace(from, `$1${to}$2`) }));
    await knex('yc_cases').where({ id: row.id }).update({ body: JSON.stringify({ ...body, currentSteps }) });
  }
}
