import type { Knex } from 'knex';
import { newTrackingCode } from './tracking-code.js';
import type { CaseLogEntry, CaseRecord } from './types.js';
import { ApiError } from '../http/errors.js';
import { syncOpenTasks } from '../inbox/open-tasks.js';
import { page } from '../http/paging.js';
import type { Paged } from '../http/paging.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toCase = (row: Row): CaseRecord => ({ ...(JSON.parse(row.body) as CaseRecord), ...(row.tracking_code ? { trackingCode: row.tracking_code } : {}), version: row.version });

function columns(record: CaseRecord) {
  const { version: _version, trackingCode: _code, ...body } = record;
  return {
    item_code: record.itemCode, org_unit_id: record.orgUnitId, window_id: record.windowId ?? null, status: record.status,
    instance_id: record.instanceId ?? null, owner_id: record.ownerId ?? null, agent_unit_id: record.agency?.unitId ?? null, applicant: JSON.stringify(record.applicant), applicant_name: record.applicant.name,
    body: JSON.stringify(body), received_at: record.receivedAt, due_at: record.dueAt ?? null, statutory_due_at: record.statutoryDueAt ?? null, visits: record.visits,
  };
}

/**
 * Writes a new case with a tracking code of its own (a clash among 31^8 codes is not worth a retry: the unique index
 * would refuse it); `intakeKey` is the Idempotency-Key it was taken in with (unique, see intake).
 */
export async function insertCase(db: Knex, record: CaseRecord, intakeKey?: string): Promise<void> {
  await db('yc_cases').insert({ id: record.id, ...columns(record), tracking_code: record.trackingCode ?? newTrackingCode(), version: 1, ...(intakeKey ? { intake_key: intakeKey } : {}) });
  if (record.currentSteps.length > 0) await syncOpenTasks(db, record);
}

/**
 * The case taken in with this Idempotency-Key (`<staff id>:<key>`) since `since`, if any; a key
 * older than that is let go first (keys last 24 hours), so it may name a new case.
 */
export async function findCaseByIntakeKey(db: Knex, intakeKey: string, since: number): Promise<CaseRecord | undefined> {
  await db('yc_cases').where({ intake_key: intakeKey }).andWhere('received_at', '<', since).update({ intake_key: null });
  const row = await db('yc_cases').where({ intake_key: intakeKey }).first();
  return row ? toCase(row) : undefined;
}

export async function findCase(db: Knex, id: string): Promise<CaseRecord | undefined> {
  const row = await db('yc_cases').where({ id }).first();
  return row ? toCase(row) : undefined;
}

/** The units holding these cases (one query per 500 ids). */
export async function unitsOfCases(db: Knex, ids: readonly string[]): Promise<Set<string>> {
  const units = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await db('yc_cases').whereIn('id', ids.slice(i, i + 500)).distinct('org_unit_id')) units.add(row.org_unit_id as string);
  }
  return units;
}

export async function findCaseByNo(db: Knex, caseNo: string): Promise<CaseRecord | undefined> {
  return findCase(db, caseNo);
}

/** The cases of these units, and the cases they took in for another centre (代办): newest first, a page at a time. */
export async function casesIn(db: Knex, orgUnitIds: readonly string[], filter: { status?: string; cursor?: string; limit: number }): Promise<Paged<CaseRecord>> {
  const query = db('yc_cases').where((q) => q.whereIn('org_unit_id', [...orgUnitIds]).orWhereIn('agent_unit_id', [...orgUnitIds]));
  if (filter.status) query.where({ status: filter.status });
  const got = await page<Row>(db, query, [{ sql: 'received_at', desc: true }, { sql: 'id', desc: true }], filter, (r) => [Number(r.received_at), r.id]);
  return { ...got, rows: got.rows.map(toCase) };
}

/** A log line; `once`: a key the case's log holds at most once (a write whose key is logged already writes nothing). */
type LogLine = { at: number; actorId?: string; action: string; detail?: Record<string, unknown>; once?: string };

/** A line that depends on what the change did (given the case before and after it); none when it did not happen. */
type LineOfChange = (before: CaseRecord, after: CaseRecord) => LogLine | undefined;

/**
 * Changes a case with an optimistic check and logs who did what in the same transaction:
 * the case and its history never disagree. `change` is a function of the current case (it may
 * read reference data through the transaction it is given), so when another writer got there
 * first (a step's follow-up, a job) it runs again on theirs. A write whose lines name a `once`
 * key the log holds already is done: nothing is written and the case is returned as it is.
 */
export async function updateCase(db: Knex, id: string, change: (current: CaseRecord, trx: Knex.Transaction) => CaseRecord | Promise<CaseRecord>, log: LogLine | ReadonlyArray<LogLine | LineOfChange>): Promise<CaseRecord> {
  const lines = Array.isArray(log) ? log : [log as LogLine];
  for (let attempt = 1; ; attempt++) {
    try {
      return await updateOnce(db, id, change, lines);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'CONFLICT') || attempt >= 8) throw err;
    }
  }
}

async function updateOnce(db: Knex, id: string, change: Parameters<typeof updateCase>[2], lines: ReadonlyArray<LogLine | LineOfChange>): Promise<CaseRecord> {
  return db.transaction(async (trx) => {
    const row = await trx('yc_cases').where({ id }).first();
    if (!row) throw new ApiError(404, 'NOT_FOUND', `办件 ${id} 不存在`);
    const before = toCase(row);
    if (await loggedOnce(trx, id, lines)) return before;
    const next = await change(before, trx);
    const updated = await trx('yc_cases').where({ id, version: row.version }).update({ ...columns(next), version: row.version + 1 });
    if (updated === 0) throw new ApiError(409, 'CONFLICT', `办件 ${id} 已被他人修改，请刷新后重试`);
    // The inbox's read model is written with the case: it never shows a step the case has closed.
    await syncOpenTasks(trx, next);
    for (const line of lines) {
      const written = typeof line === 'function' ? line(before, next) : line;
      if (written) await appendLog(trx, id, written);
    }
    return { ...next, version: row.version + 1 };
  });
}

/** Whether the case's log holds one of these lines' `once` keys already. */
async function loggedOnce(db: Knex, caseId: string, lines: ReadonlyArray<LogLine | LineOfChange>): Promise<boolean> {
  const keys = lines.flatMap((l) => (typeof l !== 'function' && l.once ? [l.once] : []));
  return keys.length > 0 && (await db('yc_case_log').where({ case_id: caseId }).whereIn('once_key', keys).first()) !== undefined;
}

export async function appendLog(db: Knex, caseId: string, entry: LogLine): Promise<void> {
  // The next number counted in the insert itself: one round trip, not a read and a write.
  await db('yc_case_log').insert({
    case_id: caseId, seq: db.raw('(select coalesce(max(??), 0) + 1 from ?? where ?? = ?)', ['seq', 'yc_case_log', 'case_id', caseId]), at: entry.at, actor_id: entry.actorId ?? null,
    action: entry.action, body: JSON.stringify(entry.detail ?? {}), ...(entry.once ? { once_key: entry.once } : {}),
  });
}

export async function caseLog(db: Knex, caseId: string): Promise<CaseLogEntry[]> {
  const rows = await db('yc_case_log').where({ case_id: caseId }).orderBy('seq');
  return rows.map((r: Row) => ({ seq: r.seq, at: Number(r.at), ...(r.actor_id ? { actorId: r.actor_id } : {}), action: r.action, detail: JSON.parse(r.body) }));
}
