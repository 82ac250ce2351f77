import type { EventRow, GroupRow, InstanceRow, JobRow, OutboxRow, SubscriptionRow, TaskRow, TimerRow } from './row-changes.js';

/**
 * Columns as the tables have them (migrations/001_engine.ts), in one place for both stores'
 * commits (commit-pg.ts and commit-pg-rows.ts, commit-sqlite.ts and sqlite-snapshot.ts).
 */

/** One column of a kind of row: its name, its PostgreSQL type (SQLite binds the value as it is), and its value in a row. */
export type Column<Row> = [name: string, cast: string, value: (row: Row) => unknown];

/** A snapshot row with the version its commit expects to replace. */
export type Snapshot = InstanceRow & { expected: number };
export const SNAPSHOT: Array<Column<Snapshot>> = [
  ['id', 'text', (s) => s.id], ['process_id', 'text', (s) => s.process_id], ['definition_key', 'text', (s) => s.definition_key],
  ['status', 'text', (s) => s.status], ['business_key', 'text', (s) => s.business_key], ['parent_id', 'text', (s) => s.parent_id],
  ['version', 'int', (s) => s.version], ['state', 'text', (s) => s.state], ['updated_at', 'int8', (s) => s.updated_at],
  ['last_hash', 'text', (s) => s.last_hash], ['expected', 'int', (s) => s.expected],
];
/** The snapshot's columns as stored (without the version it expects). */
export const STORED = SNAPSHOT.slice(0, -1).map(([name]) => name);

export const EVENT: Array<Column<EventRow>> = [
  ['instance_id', 'text', (e) => e.instance_id], ['seq', 'int', (e) => e.seq], ['at', 'int8', (e) => e.at], ['type', 'text', (e) => e.type],
  ['body', 'text', (e) => e.body], ['prev', 'text', (e) => e.prev], ['hash', 'text', (e) => e.hash],
];
export const TASK: Array<Column<TaskRow>> = [
  ['id', 'text', (t) => t.id], ['instance_id', 'text', (t) => t.instance_id], ['process_id', 'text', (t) => t.process_id],
  ['element_id', 'text', (t) => t.element_id], ['assignee', 'text', (t) => t.assignee], ['body', 'text', (t) => t.body],
  ['created_at', 'int8', (t) => t.created_at], ['closed_at', 'int8', (t) => t.closed_at], ['outcome', 'text', (t) => t.outcome],
];
export const GROUP: Array<Column<GroupRow>> = [['task_id', 'text', (g) => g.task_id], ['kind', 'text', (g) => g.kind], ['name', 'text', (g) => g.name]];
export const JOB: Array<Column<JobRow>> = [
  ['id', 'text', (j) => j.id], ['instance_id', 'text', (j) => j.instance_id], ['item_key', 'text', (j) => j.item_key],
  ['element_id', 'text', (j) => j.element_id], ['type', 'text', (j) => j.type], ['retries', 'int', (j) => j.retries],
  ['headers', 'text', (j) => j.headers], ['locked_until', 'int8', (j) => j.locked_until], ['worker', 'text', (j) => j.worker],
];
export const SUBSCRIPTION: Array<Column<SubscriptionRow>> = [
  ['id', 'text', (s) => s.id], ['kind', 'text', (s) => s.kind], ['name', 'text', (s) => s.name], ['correlation_key', 'text', (s) => s.correlation_key],
  ['instance_id', 'text', (s) => s.instance_id], ['item_key', 'text', (s) => s.item_key], ['wait', 'int', (s) => s.wait],
  ['created_seq', 'int', (s) => s.created_seq],
];
export const TIMER: Array<Column<TimerRow>> = [
  ['id', 'text', (m) => m.id], ['instance_id', 'text', (m) => m.instance_id], ['item_key', 'text', (m) => m.item_key],
  ['wait', 'int', (m) => m.wait], ['due', 'int8', (m) => m.due],
];
export const OUTBOX: Array<Column<OutboxRow>> = [
  ['id', 'text', (o) => o.id], ['instance_id', 'text', (o) => o.instance_id], ['position', 'int', (o) => o.position],
  ['body', 'text', (o) => o.body], ['created_at', 'int8', (o) => o.created_at],
];
