import type { Knex } from 'knex';
import type { RowChanges, TaskChange } from './row-changes.js';
import { changedTaskColumns, changesTaskBody } from './row-changes.js';
import { messageTaken } from '../start-timers-and-messages.js';
import type { MessageTake } from '../start-timers-and-messages.js';
import { takeMessage } from './messages.js';

/**
 * A commit in a knex transaction, statement by statement (on PostgreSQL, a commit that takes
 * a buffered message; SQLite writes every commit in commit-sqlite.ts): the snapshot with its
 * version check first, then the message it takes, then events, projections and the outbox,
 * each kind of row in as few statements as it takes. Resolves with whether the snapshot was
 * written; when it was not (the version check failed), nothing is. Throws MESSAGE_TAKEN,
 * rolling the snapshot back, when the message `takes` is gone. Not pure.
 */
export async function commitInTransaction(knex: Knex, changes: RowChanges, takes?: MessageTake): Promise<boolean> {
  return knex.transaction(async (trx) => {
    // The message after the snapshot: a failed version check then returns before anything is written (no rollback needed).
    if (!(await writeSnapshot(trx, changes))) return false;
    if (takes && !(await takeMessage(trx, takes))) throw messageTaken(changes.instance.id, takes);
    await insertRows(trx, 'yc_events', changes.events);
    await insertRows(trx, 'yc_tasks', changes.tasks.insert);
    for (const change of changes.tasks.change) await changeTask(trx, change);
    await insertRows(trx, 'yc_task_groups', changes.groups.insert);
    await upsertRows(trx, 'yc_jobs', changes.jobs.upsert);
    for (const { id, retries, elementId } of changes.jobs.change) {
      await trx('yc_jobs').where({ id }).update({ ...(retries === undefined ? {} : { retries }), ...(elementId === undefined ? {} : { element_id: elementId }) });
    }
    await deleteRows(trx, 'yc_jobs', changes.jobs.delete);
    await upsertRows(trx, 'yc_subscriptions', changes.subscriptions.upsert);
    await deleteRows(trx, 'yc_subscriptions', changes.subscriptions.delete);
    await upsertRows(trx, 'yc_timers', changes.timers.upsert);
    await deleteRows(trx, 'yc_timers', changes.timers.delete);
    await insertRows(trx, 'yc_outbox', changes.outbox);
    return true;
  });
}

async function writeSnapshot(trx: Knex.Transaction, changes: RowChanges): Promise<boolean> {
  const { id, last_hash: lastHash, ...row } = changes.instance;
  if (changes.expectedVersion === 0) {
    const inserted = await trx('yc_instances').insert({ id, ...row, last_hash: lastHash ?? '' }).onConflict('id').ignore().returning('id');
    return inserted.length > 0;
  }
  const updated = await trx('yc_instances').where({ id, version: changes.expectedVersion }).update({ ...row, ...(lastHash === null ? {} : { last_hash: lastHash }) });
  return updated > 0;
}

async function changeTask(trx: Knex.Transaction, change: TaskChange): Promise<void> {
  let body = '';
  if (changesTaskBody(change)) {
    const row = await trx('yc_tasks').where({ id: change.id }).first('body');
    if (!row) return;
    body = row.body as string;
  }
  await trx('yc_tasks').where({ id: change.id }).update(changedTaskColumns(change, body));
}

/** Rows in chunks small enough for SQLite's bound-parameter limit; one multi-row insert each (knex's batchInsert adds a savepoint per call). */
async function insertRows(trx: Knex.Transaction, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await trx(table).insert(rows.slice(i, i + 100));
}

async function upsertRows(trx: Knex.Transaction, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await trx(table).insert(rows.slice(i, i + 100)).onConflict('id').merge();
}

async function deleteRows(trx: Knex.Transaction, table: string, ids: string[]): Promise<void> {
  if (ids.length > 0) await trx(table).whereIn('id', ids).delete();
}
