import type { Knex } from 'knex';
import { EngineError } from '../../errors.js';
import type { InstanceState } from '../../runtime/state.js';
import type { StoredEvent } from '../../history/chain.js';
import { GENESIS, storedEvent } from '../../history/chain.js';
import type { Commit, DeploymentRecord, DueTimer, EngineStore, LoadedInstance, OpenTask, PendingJob, Subscription, TaskQuery } from '../types.js';
import { migrationSource } from '../../../migrations/index.js';
import { connect, isPostgres } from './connect.js';
import type { KnexStoreOptions } from './connect.js';
import { rowChanges } from './row-changes.js';
import { GroupCommit } from './group-commit.js';
import { OpenTaskReads } from './pg-open-tasks.js';
import { commitInTransaction } from './commit-trx.js';
import { SqliteGroupCommit } from './commit-sqlite.js';
import { SqliteCheckpoints } from './sqlite-checkpoints.js';
import { openTasksOnSqlite } from './sqlite-open-tasks.js';
import { DoneMarks } from './done-marks.js';
import { RecentSnapshots } from './recent.js';
import { taskQuery, toJob, toSubscription, toTask } from './rows.js';
import { pgQuery } from './pg-direct.js';
import type { ClaimedEffect, EffectClaim } from '../claims.js';
import * as outbox from './outbox.js';
import type { BufferedMessage, StartTimer } from '../start-timers-and-messages.js';
import * as startTimers from './start-timers.js';
import * as messages from './messages.js';
import * as historySeals from './seals.js';
import type { HistorySeal } from '../../history/seals.js';

/** How long a process waits for another that holds the migration lock (a migration of a large table takes a while). */
const MIGRATION_WAIT_MS = 60_000;

/**
 * The durable store: SQLite embedded, PostgreSQL in server mode, one set of migrations.
 * `commit` is one transaction with an optimistic version check: snapshot, events,
 * projections and the outbox all land together, or nothing does.
 */
export class KnexStore implements EngineStore {
  readonly knex: Knex;
  private readonly postgres: boolean;
  private readonly recentSnapshots = new RecentSnapshots();
  private readonly doneMarks: DoneMarks;
  /** PostgreSQL only: commits and reads of open tasks in batches. */
  private readonly groupCommit: GroupCommit;
  private readonly openTaskReads: OpenTaskReads;
  /** SQLite only: commits in batches, a transaction each; for a file, its WAL checkpointed beside them. */
  private readonly sqliteCommit: SqliteGroupCommit;
  private readonly checkpoints?: SqliteCheckpoints;

  constructor(private readonly options: KnexStoreOptions = {}) {
    this.knex = connect(options);
    this.postgres = isPostgres(this.knex);
    this.doneMarks = new DoneMarks((ids) => this.markDone(ids));
    this.groupCommit = new GroupCommit(this.knex);
    this.openTaskReads = new OpenTaskReads(this.knex);
    const file = !this.postgres && options.filename !== undefined && options.filename !== ':memory:';
    if (file) this.checkpoints = new SqliteCheckpoints(options.filename!);
    this.sqliteCommit = new SqliteGroupCommit(this.knex, this.checkpoints);
  }

  /**
   * Runs the migrations. Several processes starting at once on one database race to create
   * knex's own bookkeeping tables, and then for its migration lock, which a loser does not
   * wait for: the loser tries again, for as long as another may take to migrate.
   */
  async init(): Promise<void> {
    const schema = isPostgres(this.knex) ? this.options.schema : undefined;
    const giveUpAt = Date.now() + MIGRATION_WAIT_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        if (schema) await this.knex.raw('create schema if not exists ??', [schema]);
        await this.knex.migrate.latest({ migrationSource, tableName: 'yc_migrations', schemaName: schema });
        return;
      } catch (err) {
        const raced = /already exists|duplicate key/i.test(String(err)) && attempt < 5;
        const locked = /locked/i.test(String(err)) && Date.now() < giveUpAt;
        if (!raced && !locked) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)));
      }
    }
  }

  async saveDeployment(record: DeploymentRecord): Promise<void> {
    const position = Number((await this.knex('yc_deployments').count({ n: '*' }).first())?.n ?? 0) + 1;
    await this.knex('yc_deployments').insert({
      key: record.key, name: record.name, xml: record.xml, deployed_at: record.deployedAt,
      processes: JSON.stringify(record.processes), checksum: record.checksum, position,
    });
  }

  async deployments(): Promise<DeploymentRecord[]> {
    const rows = await this.knex('yc_deployments').orderBy('position');
    return rows.map((r) => ({ key: r.key, name: r.name, xml: r.xml, deployedAt: Number(r.deployed_at), processes: JSON.parse(r.processes), checksum: r.checksum }));
  }

  async load(instanceId: string): Promise<LoadedInstance | undefined> {
    const row = await this.knex('yc_instances').where({ id: instanceId }).first('state', 'version', 'last_hash');
    if (!row) return undefined;
    return { state: JSON.parse(row.state) as InstanceState, version: row.version, lastHash: row.last_hash ?? GENESIS };
  }

  recent(instanceId: string): LoadedInstance | undefined {
    return this.recentSnapshots.get(instanceId);
  }

  /**
   * One transaction shared with other instances' commits (group commit): on PostgreSQL a
   * single statement, on SQLite one transaction of prepared statements. A commit that takes a
   * buffered message is a knex transaction of its own on PostgreSQL, the message's delete in
   * it (messages are rare).
   */
  async commit(commit: Commit): Promise<void> {
    const stateText = JSON.stringify(commit.state);
    const changes = rowChanges(commit, stateText);
    let written: boolean;
    try {
      if (!this.postgres) written = await this.sqliteCommit.commit(changes, commit.takesMessage, this.recentSnapshots.written(commit.instanceId, commit.expectedVersion));
      else written = commit.takesMessage ? await commitInTransaction(this.knex, changes, commit.takesMessage) : await this.groupCommit.commit(changes);
    } catch (err) {
      this.recentSnapshots.forget(commit.instanceId);
      throw err;
    }
    if (!written) {
      this.recentSnapshots.forget(commit.instanceId);
      throw conflict(commit.instanceId, commit.expectedVersion);
    }
    this.recentSnapshots.remember(commit.instanceId, commit.state.status, changes.instance);
  }

  async history(instanceId: string): Promise<StoredEvent[]> {
    const rows = await this.knex('yc_events').where({ instance_id: instanceId }).orderBy('seq');
    return rows.map((r) => storedEvent({ seq: r.seq, at: Number(r.at), type: r.type, body: r.body, prev: r.prev, hash: r.hash }));
  }

  async tasks(query: TaskQuery): Promise<OpenTask[]> {
    const oneInstance = query.instanceId !== undefined && Object.values(query).filter((v) => v !== undefined).length === 1;
    if (oneInstance) return this.postgres ? this.openTaskReads.of(query.instanceId!) : openTasksOnSqlite(this.knex, query.instanceId!);
    return (await taskQuery(this.knex, query)).map(toTask);
  }

  async task(id: string): Promise<OpenTask | undefined> {
    const row = await this.knex('yc_tasks').where({ id }).whereNull('closed_at').first();
    return row ? toTask(row) : undefined;
  }

  async taskExisted(id: string): Promise<boolean> {
    return (await this.knex('yc_tasks').where({ id }).first('id')) !== undefined;
  }

  async jobs(type?: string): Promise<PendingJob[]> {
    const query = this.knex('yc_jobs').orderBy('id');
    return (await (type === undefined ? query : query.where({ type }))).map(toJob);
  }

  /** Served by the (type, locked_until) index. */
  async activatableJobs(type: string, now: number, limit: number): Promise<PendingJob[]> {
    const rows = await this.knex('yc_jobs').where({ type }).andWhere('locked_until', '<=', now).andWhere('retries', '>', 0)
      .orderBy([{ column: 'locked_until' }, { column: 'id' }]).limit(limit);
    return rows.map(toJob);
  }

  async job(id: string): Promise<PendingJob | undefined> {
    const row = await this.knex('yc_jobs').where({ id }).first();
    return row ? toJob(row) : undefined;
  }

  async lockJob(id: string, worker: string, until: number, now: number): Promise<boolean> {
    const updated = await this.knex('yc_jobs').where({ id }).andWhere('locked_until', '<=', now).update({ locked_until: until, worker });
    return updated === 1;
  }

  async messageSubscriptions(name: string, correlationKey?: string): Promise<Subscription[]> {
    const rows = await this.knex('yc_subscriptions').where({ kind: 'message', name, correlation_key: correlationKey ?? '' }).orderBy('created_seq');
    return rows.map(toSubscription);
  }

  async signalSubscriptions(name: string): Promise<Subscription[]> {
    return (await this.knex('yc_subscriptions').where({ kind: 'signal', name })).map(toSubscription);
  }

  async dueTimers(until: number): Promise<DueTimer[]> {
    const rows = await this.knex('yc_timers').where('due', '<=', until).orderBy('due').limit(1000);
    return rows.map((r) => ({ instanceId: r.instance_id, key: r.item_key, wait: r.wait, due: Number(r.due) }));
  }

  async nextTimer(): Promise<number | undefined> {
    const row = await this.knex('yc_timers').min({ due: 'due' }).first();
    return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
  }

  async instances(filter: { status?: InstanceState['status']; processId?: string } = {}): Promise<InstanceState[]> {
    const query = this.knex('yc_instances').select('state');
    if (filter.status) query.where({ status: filter.status });
    if (filter.processId) query.where({ process_id: filter.processId });
    return (await query).map((r) => JSON.parse(r.state) as InstanceState);
  }

  /**
   * Effects carried out leave the outbox: one statement for a batch of them (on PostgreSQL the
   * ids go as one array). A delete writes less than marking the row done, and keeps the table
   * to the effects still pending (migration 007).
   */
  private async markDone(ids: string[]): Promise<void> {
    if (this.postgres) await pgQuery(this.knex, { text: 'DELETE FROM yc_outbox WHERE id = ANY($1::text[])', values: [ids] });
    else await this.knex('yc_outbox').whereIn('id', ids).delete();
  }

  async effectsDone(ids: readonly string[]): Promise<void> {
    this.doneMarks.add(ids);
  }

  // Claims (../claims.ts): SQL in outbox.ts.
  claimEffects(claim: EffectClaim): Promise<ClaimedEffect[]> {
    return outbox.claimEffects(this.knex, this.postgres, claim);
  }

  async keepJobLock(id: string, worker: string, heldUntil: number, until: number): Promise<boolean> {
    return (await this.knex('yc_jobs').where({ id, worker, locked_until: heldUntil }).update({ locked_until: until })) === 1;
  }

  // Timer start events and the message buffer (../start-timers-and-messages.ts): SQL in start-timers.ts, messages.ts.
  saveSeals(seals: readonly HistorySeal[]): Promise<void> {
    return historySeals.saveSeals(this.knex, seals);
  }

  seals(instanceId: string): Promise<HistorySeal[]> {
    return historySeals.sealsOf(this.knex, instanceId);
  }

  armStartTimers(processId: string, version: number, timers: readonly StartTimer[]): Promise<void> {
    return startTimers.armStartTimers(this.knex, processId, version, timers);
  }

  dueStartTimers(until: number): Promise<StartTimer[]> {
    return startTimers.dueStartTimers(this.knex, until);
  }

  nextStartTimer(): Promise<number | undefined> {
    return startTimers.nextStartTimer(this.knex);
  }

  claimStartTimer(definitionKey: string, startEvent: string, due: number, next: { due: number | null; fired: number }): Promise<boolean> {
    return startTimers.claimStartTimer(this.knex, definitionKey, startEvent, due, next);
  }

  bufferMessage(message: BufferedMessage, now: number): Promise<boolean> {
    return messages.bufferMessage(this.knex, message, now);
  }

  messageBuffered(id: string, now: number): Promise<boolean> {
    return messages.messageBuffered(this.knex, id, now);
  }

  bufferedMessages(name: string, correlationKey: string | undefined, now: number, limit: number): Promise<BufferedMessage[]> {
    return messages.bufferedMessages(this.knex, name, correlationKey, now, limit);
  }

  dropExpiredMessages(now: number): Promise<number> {
    return messages.dropExpiredMessages(this.knex, now);
  }

  async close(): Promise<void> {
    await this.doneMarks.close();
    await this.checkpoints?.close();
    if (this.options.dropSchemaOnClose && this.options.schema && isPostgres(this.knex)) {
      await this.knex.raw('drop schema if exists ?? cascade', [this.options.schema]);
    }
    await this.knex.destroy();
  }
}

function conflict(instanceId: string, expected: number): EngineError {
  return new EngineError('CONFLICT', `instance ${instanceId} was changed by another command meanwhile (expected version ${expected}); reload and try again`, { instanceId });
}
