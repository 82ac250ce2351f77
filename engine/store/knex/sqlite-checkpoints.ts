import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Least time between two checkpoints while commits go on: about as often as SQLite's own every 1,000 pages under load. */
const CHECKPOINT_EVERY_MS = 100;
/**
 * A WAL file grown past this has not been restarted for a while: under commits without a pause
 * a checkpoint made beside them never finds the log wholly copied, which a restart needs. The
 * committing thread then checkpoints it itself, between two commits, and truncates it.
 */
const TRUNCATE_PAST_BYTES = 64 * 1024 * 1024;

/**
 * The checkpointer's thread: a connection of its own to the file, which copies the WAL into
 * the database when asked (PASSIVE: it never waits for the committing connection, nor holds it
 * up), and answers when done. CommonJS evaluated as it is, so that it runs the same under
 * tsx, node and jest.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage('done');
  } catch (err) {
    parentPort.postMessage(String(err));
  }
});`;

/**
 * WAL checkpoints of a SQLite file, off the thread that commits. SQLite copies the WAL into the
 * database file when it passes 1,000 pages, inside the commit that passed it, with a disk flush
 * of the WAL and one of the database (synchronous=NORMAL): on a busy disk that was half of a
 * step's time, a pause of tens of milliseconds every few dozen batches. Here the committing
 * connection does not checkpoint (wal_autocheckpoint=0); after its commits, at most every
 * CHECKPOINT_EVERY_MS, a thread of its own does, with the same flushes, so the WAL is made
 * durable as often as before. Not for a database in memory, which has no WAL.
 */
export class SqliteCheckpoints {
  private readonly worker: Worker;
  private running = false;
  private lastStarted = Number.NEGATIVE_INFINITY;
  private readonly configured = new WeakSet<Database.Database>();
  private closed: Promise<void> | undefined;
  private readonly exited: Promise<void>;

  constructor(private readonly filename: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(THREAD, { eval: true, workerData: { filename, driver } });
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', () => {
      this.running = false;
    });
    // A thread that failed leaves the committing connection to truncate the WAL (see afterCommit).
    this.worker.on('error', () => {
      this.running = false;
    });
  }

  /** Before a connection's first commit: it leaves checkpoints to this. Not pure. */
  prepare(connection: Database.Database): void {
    if (this.configured.has(connection)) return;
    connection.pragma('wal_autocheckpoint = 0');
    this.configured.add(connection);
  }

  /** After a commit on `connection`: a checkpoint when one is due, beside the next commits; the WAL truncated when it was starved. Not pure. */
  afterCommit(connection: Database.Database): void {
    if (this.closed) return;
    if (!this.running && walBytes(this.filename) > TRUNCATE_PAST_BYTES) {
      connection.pragma('wal_checkpoint(TRUNCATE)');
      return;
    }
    const now = performance.now();
    if (this.running || now - this.lastStarted < CHECKPOINT_EVERY_MS) return;
    this.running = true;
    this.lastStarted = now;
    this.worker.postMessage('checkpoint');
  }

  /** Waits for a checkpoint under way, then closes the thread's connection. Not pure. */
  close(): Promise<void> {
    if (!this.closed) {
      this.worker.postMessage('close');
      this.closed = this.exited;
    }
    return this.closed;
  }
}

function walBytes(filename: string): number {
  try {
    return statSync(`${filename}-wal`).size;
  } catch {
    return 0;
  }
}
