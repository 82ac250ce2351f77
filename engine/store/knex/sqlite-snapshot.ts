import type { Prepared } from './sqlite-direct.js';
import type { InstanceRow, RowChanges } from './row-changes.js';
import { SNAPSHOT, STORED } from './columns.js';

const STORED_COLUMNS = SNAPSHOT.filter(([name]) => STORED.includes(name));
const CREATE = `INSERT INTO yc_instances (${STORED.join(', ')}) VALUES (${STORED.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`;

/**
 * Columns of yc_instances that its indexes cover (migrations/001_engine.ts). Setting one, even
 * to the value it has, rewrites its index entries: on SQLite that doubled an update's cost.
 */
const INDEXED = ['process_id', 'status', 'business_key', 'parent_id'] as const;
/** Every stored column but the id, and the last hash, which a commit without events keeps. */
const UPDATED = STORED_COLUMNS.filter(([name]) => name !== 'id' && name !== 'last_hash');

/** An update's columns and text, for one set of indexed columns it leaves as they were. */
interface Update {
  set: typeof UPDATED;
  sql: string;
}

/** Updates by the indexed columns they leave (bit n: INDEXED[n]), each made once rather than at every commit. */
const UPDATES = new Map<number, Update>();

function updateLeaving(unchanged: number): Update {
  let update = UPDATES.get(unchanged);
  if (!update) {
    const set = UPDATED.filter(([name]) => {
      const bit = (INDEXED as readonly string[]).indexOf(name);
      return bit < 0 || (unchanged & (1 << bit)) === 0;
    });
    const sql = `UPDATE yc_instances SET ${set.map(([name]) => `${name} = ?`).join(', ')}, last_hash = COALESCE(?, last_hash) WHERE id = ? AND version = ?`;
    UPDATES.set(unchanged, (update = { set, sql }));
  }
  return update;
}

/**
 * Writes a commit's snapshot with its version check: a new instance's insert, or an older
 * one's update at the version the commit expects. `before` is the row as this process last
 * wrote it at that version, when it knows it: the update then sets none of the indexed
 * columns that stayed as they were (a step seldom changes them; an ending or a migration
 * does). Whether the snapshot was written. Not pure.
 */
export function writeSnapshot(statement: Prepared, changes: RowChanges, before?: InstanceRow): boolean {
  const row = { ...changes.instance, expected: changes.expectedVersion };
  if (changes.expectedVersion === 0) {
    return statement(CREATE).run(...STORED_COLUMNS.map(([name, , value]) => (name === 'last_hash' ? row.last_hash ?? '' : value(row)))).changes === 1;
  }
  let unchanged = 0;
  if (before) INDEXED.forEach((name, bit) => {
    if (before[name] === row[name]) unchanged |= 1 << bit;
  });
  const { set, sql } = updateLeaving(unchanged);
  return statement(sql).run(...set.map(([, , value]) => value(row)), row.last_hash, row.id, row.expected).changes === 1;
}
