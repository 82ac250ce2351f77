import type { Knex } from 'knex';
import type Database from 'better-sqlite3';
import { Batches } from './batches.js';
import { onSqlite } from './sqlite-direct.js';
import type { Prepared } from './sqlite-direct.js';
import type { InstanceRow, RowChanges, TaskChange } from './row-changes.js';
import { changedTaskColumns, changesTaskBody } from './row-changes.js';
import { EVENT, GROUP, JOB, OUTBOX, SUBSCRIPTION, TASK, TIMER } from './columns.js';
import { writeSnapshot } from './sqlite-snapshot.js';
import type { Column } from './columns.js';
import { fromExcluded } from './pg-rows-sql.js';
import { messageTaken } from '../start-timers-and-messages.js';
import type { MessageTake } from '../start-timers-and-messages.js';
import type { SqliteCheckpoints } from './sqlite-checkpoints.js';

/** A commit, the buffered message it takes with it, and its snapshot row as last written, if known (see writeSnapshot). */
interface Request {
  changes: RowChanges;
  takes?: MessageTake;
  before?: InstanceRow;
}

/**
 * Group commit on SQLite: the commits of different instances that arrive while another batch
 * is being written, or in the same turn of the event loop, are written in one transaction,
 * statement by statement on statements prepared once (sqlite-direct.ts). SQLite has no round
 * trip to save, but a transaction's begin and commit, and the WAL pages its rows share with
 * the others' (the events' and tasks' last pages, their indexes), are paid once per batch.
 * Each caller hears whether its own commit was written once the transaction is committed.
 * A commit never shares a transaction with another of its instance.
 */
export class SqliteGroupCommit {
  private readonly batches: Batches<Request, boolean>;

  /** `checkpoints`: for a file, who checkpoints its WAL after commits (see SqliteCheckpoints). */
  constructor(private readonly knex: Knex, private readonly checkpoints?: SqliteCheckpoints) {
    // One batch at a time: SQLite has one writer, and writing is synchronous.
    this.batches = new Batches((batch) => this.write(batch), { inFlight: 1, key: (request) => request.changes.instance.id });
  }

  /**
   * Resolves with whether the commit was written (false: its version check failed). Throws
   * MESSAGE_TAKEN, writing nothing, when the message `takes` is gone. Not pure.
   */
  commit(changes: RowChanges, takes?: MessageTake, before?: InstanceRow): Promise<boolean> {
    return this.batches.submit({ changes, ...(takes ? { takes } : {}), ...(before ? { before } : {}) });
  }

  /**
   * A batch that fails on one of its commits (a message taken, a constraint) is rolled back,
   * and then each commit is written alone, so that only the one that failed fails.
   */
  private write(batch: Request[]): Promise<Array<PromiseSettledResult<boolean>>> {
    return onSqlite(this.knex, (connection, statement) => {
      this.checkpoints?.prepare(connection);
      try {
        return inTransaction(connection, statement, () => batch.map((request): PromiseSettledResult<boolean> => ({ status: 'fulfilled', value: writeCommit(statement, request) })));
      } catch (err) {
        if (batch.length === 1) throw err;
        return batch.map((request): PromiseSettledResult<boolean> => {
          try {
            return { status: 'fulfilled', value: inTransaction(connection, statement, () => writeCommit(statement, request)) };
          } catch (reason) {
            return { status: 'rejected', reason };
          }
        });
      } finally {
        this.checkpoints?.afterCommit(connection);
      }
    });
  }
}

/**
 * `work` in a transaction that takes the write lock up front (see connect.ts's BEGIN
 * IMMEDIATE), rolled back when it throws.
 */
function inTransaction<T>(connection: Database.Database, statement: Prepared, work: () => T): T {
  statement('BEGIN IMMEDIATE').run();
  try {
    const result = work();
    statement('COMMIT').run();
    return result;
  } catch (err) {
    if (connection.inTransaction) statement('ROLLBACK').run();
    throw err;
  }
}

/**
 * One commit's rows, in its batch's transaction: the snapshot with its version check first
 * (when it fails, nothing else is written), the message it takes, then the other rows.
 */
function writeCommit(statement: Prepared, { changes, takes, before }: Request): boolean {
  if (!writeSnapshot(statement, changes, before)) return false;
  if (takes && statement(TAKE_MESSAGE).run(takes.id, takes.now).changes !== 1) throw messageTaken(changes.instance.id, takes);
  for (const rows of ROWS) rows(statement, changes);
  return true;
}

const TAKE_MESSAGE = 'DELETE FROM yc_messages WHERE id = ? AND expires_at > ?';

type Rows = (statement: Prepared, changes: RowChanges) => void;

/** Each row inserted, or upserted on its id, by one prepared statement. */
function insert<Row>(table: string, rows: (c: RowChanges) => Row[], columns: Array<Column<Row>>, upsert = false): Rows {
  const sql = `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
    + (upsert ? ` ON CONFLICT (id) DO UPDATE SET ${fromExcluded(columns)}` : '');
  return (statement, changes) => {
    for (const row of rows(changes)) statement(sql).run(...columns.map(([, , value]) => value(row)));
  };
}

function remove(table: string, ids: (c: RowChanges) => string[]): Rows {
  const sql = `DELETE FROM ${table} WHERE id = ?`;
  return (statement, changes) => {
    for (const id of ids(changes)) statement(sql).run(id);
  };
}

/** A task changed in place; a change that rewrites its body reads it first, and a task not there is left alone. */
function changeTask(statement: Prepared, change: TaskChange): void {
  let body = '';
  if (changesTaskBody(change)) {
    const row = statement('SELECT body FROM yc_tasks WHERE id = ?').get(change.id) as { body: string } | undefined;
    if (!row) return;
    body = row.body;
  }
  const columns = Object.entries(changedTaskColumns(change, body));
  statement(`UPDATE yc_tasks SET ${columns.map(([name]) => `${name} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, value]) => value), change.id);
}

const CHANGE_JOB = 'UPDATE yc_jobs SET retries = COALESCE(?, retries), element_id = COALESCE(?, element_id) WHERE id = ?';

/** Every kind of row a commit writes besides its snapshot, in the order commit-trx.ts writes them. */
const ROWS: Rows[] = [
  insert('yc_events', (c) => c.events, EVENT),
  insert('yc_tasks', (c) => c.tasks.insert, TASK),
  (statement, changes) => changes.tasks.change.forEach((change) => changeTask(statement, change)),
  insert('yc_task_groups', (c) => c.groups.insert, GROUP),
  insert('yc_jobs', (c) => c.jobs.upsert, JOB, true),
  (statement, changes) => changes.jobs.change.forEach(({ id, retries, elementId }) => statement(CHANGE_JOB).run(retries ?? null, elementId ?? null, id)),
  remove('yc_jobs', (c) => c.jobs.delete),
  insert('yc_subscriptions', (c) => c.subscriptions.upsert, SUBSCRIPTION, true),
  remove('yc_subscriptions', (c) => c.subscriptions.delete),
  insert('yc_timers', (c) => c.timers.upsert, TIMER, true),
  remove('yc_timers', (c) => c.timers.delete),
  insert('yc_outbox', (c) => c.outbox, OUTBOX),
];
