import type { Knex } from 'knex';
import type { BufferedMessage, MessageTake } from '../start-timers-and-messages.js';

/** A row as the driver returns it (bigint columns as strings on pg). */
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TABLE = 'yc_messages';

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

/** Up to `limit` live matches, oldest first; reads only (a commit takes one: `takeMessage`). */
export async function bufferedMessages(knex: Knex, name: string, correlationKey: string | undefined, now: number, limit: number): Promise<BufferedMessage[]> {
  const rows = await knex(TABLE).where({ name, correlation_key: correlationKey ?? '' }).andWhere('expires_at', '>', now).orderBy('position').limit(limit);
  return rows.map(fromRow);
}

/**
 * Deletes a message alive at `take.now`, inside the transaction of the commit that takes it;
 * false when it is not there. Of two racing takers the second's delete waits for the first's
 * transaction (a row lock) and then finds nothing.
 */
export async function takeMessage(trx: Knex.Transaction, take: MessageTake): Promise<boolean> {
  return (await trx(TABLE).where({ id: take.id }).andWhere('expires_at', '>', take.now).delete()) === 1;
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
