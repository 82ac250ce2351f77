import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Staff } from '../auth/types.js';
import { digest, sessionStaffByHash } from '../auth/sessions.js';
import type { SessionRules } from '../auth/sessions.js';

/** A ticket opens the stream (and its reconnections) for as long as the session behind it lasts, at most this. */
const TICKET_MS = 12 * 60 * 60 * 1000;
/** Tickets one session keeps (a tab each, a new one on each refused reconnection); older ones go. */
const PER_SESSION = 10;

/**
 * A ticket for the session of `token`, kept in the database (hashed) so any api process
 * opens the stream with it. Expired tickets (anyone's) and the session's oldest beyond
 * PER_SESSION are deleted here. Not pure.
 */
export async function issueTicket(db: Knex, token: string, now: number): Promise<string> {
  const ticket = randomBytes(24).toString('base64url');
  const session = digest(token);
  await db('yc_stream_tickets').where('expires_at', '<=', now).delete();
  await db('yc_stream_tickets').insert({ ticket_hash: digest(ticket), session_hash: session, created_at: now, expires_at: now + TICKET_MS });
  const beyond = await db('yc_stream_tickets').where({ session_hash: session }).orderBy('id', 'desc').offset(PER_SESSION).select('id');
  if (beyond.length > 0) await db('yc_stream_tickets').whereIn('id', beyond.map((r: { id: number }) => r.id)).delete();
  return ticket;
}

/** The person a ticket stands for, while the ticket and its session last (the session's rules apply). */
export async function ticketHolder(db: Knex, ticket: string, now: number, rules: SessionRules): Promise<Staff | undefined> {
  const row = await db('yc_stream_tickets').where({ ticket_hash: digest(ticket) }).andWhere('expires_at', '>', now).first('session_hash');
  return row ? sessionStaffByHash(db, row.session_hash as string, now, rules) : undefined;
}
