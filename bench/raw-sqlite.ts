/**
 * The embedded store's yardstick, as `pgbench -N` is the server's: a bare better-sqlite3
 * transaction of the same shape as one engine step, on a file in the same temporary folder,
 * with the pragmas the engine's SQLite store sets (engine/store/knex/connect.ts): WAL,
 * synchronous=NORMAL, BEGIN IMMEDIATE. Nothing but the two writes: statements prepared
 * once, no JSON, no hashing, no engine.
 *
 * What the engine's SQLite store writes per step of the bench's models (traced on this
 * version): its snapshot row updated (a state text of 300 to 650 B, with the version check),
 * 1.2 to 1.5 KB of event rows (a step appends two to eight events of 60 to 300 B each, every
 * one with its 64-character previous hash and hash), and a task row inserted and/or another
 * closed (a timer row besides in the promised model). The yardstick keeps the first two, in
 * their plainest form: one 1.2 KB event row appended to a table keyed as yc_events is, and
 * one 300 B state row updated in a table keyed as yc_instances is. Like `pgbench -N`, the
 * simplest durable step the database can commit, not a copy of the engine's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

export type RawSqliteResult =
  | { ok: true; tps: number; transactions: number; seconds: number; version: string }
  | { ok: false; reason: string };

/** As many rows as the bench keeps instances in flight over a phase: updates spread over them as the engine's do. */
const INSTANCES = 1000;
const EVENT_BYTES = 1200;
const STATE_BYTES = 300;
const WARMUP_MS = 500;

/** Commits as many of those transactions as it can, one after the other, for `seconds`; transactions per second. Not pure. */
export function runRawSqlite(seconds: number): RawSqliteResult {
  const dir = mkdtempSync(join(tmpdir(), 'yc-bench-raw-'));
  try {
    const db = new Database(join(dir, 'raw.sqlite'));
    try {
      return { ...measure(db, seconds), version: `SQLite ${(db.prepare('select sqlite_version() as v').get() as { v: string }).v}` };
    } finally {
      db.close();
    }
  } catch (err) {
    return { ok: false, reason: `the bare transaction failed: ${String(err)}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(db: Database.Database, seconds: number): { ok: true; tps: number; transactions: number; seconds: number } {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE instances (id varchar(200) PRIMARY KEY, version integer NOT NULL, state text NOT NULL, last_hash varchar(64) NOT NULL, updated_at bigint NOT NULL);
    CREATE TABLE events (instance_id varchar(200) NOT NULL, seq integer NOT NULL, at bigint NOT NULL, type varchar(30) NOT NULL, body text NOT NULL,
      prev varchar(64) NOT NULL, hash varchar(64) NOT NULL, PRIMARY KEY (instance_id, seq))`);
  const ids = Array.from({ length: INSTANCES }, () => randomUUID());
  const hash = 'a'.repeat(64);
  const state = 's'.repeat(STATE_BYTES);
  // The event row's 1.2 KB: its body, the two hashes, the instance id, type and numbers.
  const body = 'e'.repeat(EVENT_BYTES - 2 * hash.length - 36 - 30);
  const create = db.prepare('INSERT INTO instances (id, version, state, last_hash, updated_at) VALUES (?, 0, ?, ?, ?)');
  db.transaction(() => { for (const id of ids) create.run(id, state, hash, Date.now()); })();
  const append = db.prepare('INSERT INTO events (instance_id, seq, at, type, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE instances SET version = ?, state = ?, last_hash = ?, updated_at = ? WHERE id = ? AND version = ?');
  const step = db.transaction((id: string, version: number) => {
    const now = Date.now();
    append.run(id, version, now, 'task.completed', body, hash, hash);
    if (update.run(version, state, hash, now, id, version - 1).changes !== 1) throw new Error(`version check failed on ${id}`);
  });
  let done = 0;
  const run = (ms: number): number => {
    const started = performance.now();
    let count = 0;
    while (performance.now() - started < ms) {
      step.immediate(ids[done % INSTANCES]!, Math.floor(done / INSTANCES) + 1);
      done++;
      count++;
    }
    return count;
  };
  run(WARMUP_MS);
  const started = performance.now();
  const transactions = run(seconds * 1000);
  const elapsed = (performance.now() - started) / 1000;
  return { ok: true, tps: transactions / elapsed, transactions, seconds: elapsed };
}
