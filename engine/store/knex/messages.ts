import type { Knex } from 'knex';
import type { BufferedMessage } from '../start-timers-and-messages.js';

/** A row as the driver returns it (bigint columns as strings on pg). */
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TABLE = 'yc_messages';

/** How many candidates a take tries before it gives up to racing takers (each loss means another took one). */
const TAKE_ATTEMPTS = 5;

/** Buffers a message unless its id is buffered and alive; an expired copy under that id is dropped first. */
export async function bufferMessage(knex: Knex, message: BufferedMessage, now: number): Promise<boolean> {
  await knex(TABLE).where({ id: message.id }).andWhere('expires_at', '<=', now).delete();
  try {
    await knex(TABLE).insert({
      id: message.id, name: message.name, correlation_key: message.correlationKey ?? '', variables: JSON.stringify(message.variables),
      published_at: message.publishedAt, expires_at: message.expiresAt,
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function messageBuffered(knex: Knex, id: string, now: number): Promise<boolean> {
  return (await knex(TABLE).where({ id }).andWhere('expires_at', '>', now).first('id')) !== undefined;
}

/**
 * Takes the oldest live match: reads a candidate, then deletes it by id; the delete that
 * removes the row is the one taker that owns the message (a loser tries the next candidate).
 */
export async function takeBufferedMessage(knex: Knex, name: string, correlationKey: string | undefined, now: number): Promise<BufferedMessage | undefined> {
  for (let attempt = 0; attempt < TAKE_ATTEMPTS; attempt++) {
    const row = await knex(TABLE).where({ name, correlation_key: correlationKey ?? '' }).andWhere('expires_at', '>', now).orderBy('position').first();
    if (!row) return undefined;
    if ((await knex(TABLE).where({ position: row.position }).delete()) === 1) return fromRow(row);
  }
  return undefined;
}

/** Reads before it deletes: a sweep that finds nothing (the usual case) then takes no write lock (SQLite has one). */
export async function dropExpiredMessages(knex: Knex, now: number): Promise<number> {
  if (!(await knex(TABLE).where('expires_at', '<=', now).first('position'))) return 0;
  return knex(TABLE).where('expires_at', '<=', now).delete();
}

function fromRow(row: Row): BufferedMessage {
  return {
    id: row.id, name: row.name, ...(row.correlation_key === '' ? {} : { correlationKey: row.correlation_key }),
    variables: JSON.parse(row.variables), publishedAt: Number(row.published_at), expiresAt: Number(row.expires_at),
  };
}

/** PostgreSQL's unique_violation, or SQLite's constraint error on the id. */
function isUniqueViolation(err: unknown): boolean {
  const { code } = (err ?? {}) as { code?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
