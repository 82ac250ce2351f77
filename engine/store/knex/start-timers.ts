import type { Knex } from 'knex';
import type { StartTimer } from '../start-timers-and-messages.js';

/** A row as the driver returns it (bigint columns as strings on pg). */
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TABLE = 'yc_start_timers';

/**
 * See `StartTimerStore.armStartTimers`. Every process arms at open, so the usual case (all
 * armed already) only reads: on SQLite several processes writing at open would queue for
 * the one write lock. What is written goes in one transaction that starts with a write (a
 * SQLite transaction that reads first cannot take the write lock once another has written).
 */
export async function armStartTimers(knex: Knex, processId: string, version: number, timers: readonly StartTimer[]): Promise<void> {
  const armed = await knex(TABLE).where({ process_id: processId }).select('definition_key', 'start_event', 'version');
  if (armed.some((row) => Number(row.version) > version)) return;
  const older = armed.some((row) => Number(row.version) < version);
  const missing = timers.filter((timer) => !armed.some((row) => row.definition_key === timer.definitionKey && row.start_event === timer.startEvent));
  if (!older && missing.length === 0) return;
  await knex.transaction(async (trx) => {
    await trx(TABLE).where({ process_id: processId }).andWhere('version', '<', version).delete();
    if (missing.length > 0) await trx(TABLE).insert(missing.map(toRow)).onConflict(['definition_key', 'start_event']).ignore();
  });
}

export async function dueStartTimers(knex: Knex, until: number): Promise<StartTimer[]> {
  return (await knex(TABLE).whereNotNull('due').andWhere('due', '<=', until).orderBy('due')).map(fromRow);
}

export async function nextStartTimer(knex: Knex): Promise<number | undefined> {
  const row = await knex(TABLE).min({ due: 'due' }).first();
  return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
}

/** The compare-and-set on the due time: of several processes firing one timer, one updates the row. */
export async function claimStartTimer(knex: Knex, definitionKey: string, startEvent: string, due: number, next: { due: number | null; fired: number }): Promise<boolean> {
  const updated = await knex(TABLE).where({ definition_key: definitionKey, start_event: startEvent, due }).update({ due: next.due, fired: next.fired });
  return updated === 1;
}

function toRow(timer: StartTimer): Row {
  return {
    definition_key: timer.definitionKey, start_event: timer.startEvent, process_id: timer.processId, version: timer.version,
    due: timer.due, fired: timer.fired, spec: JSON.stringify(timer.spec),
  };
}

function fromRow(row: Row): StartTimer {
  return {
    definitionKey: row.definition_key, startEvent: row.start_event, processId: row.process_id, version: Number(row.version),
    due: row.due === null ? null : Number(row.due), fired: Number(row.fired), spec: JSON.parse(row.spec),
  };
}
