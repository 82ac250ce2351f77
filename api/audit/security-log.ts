import type { Knex } from 'knex';

/** One line of the security log: who did what to the platform's settings, and when. */
export interface SecurityEvent {
  at: number;
  actorId?: string;
  /** What happened, e.g. calendar-entered. */
  action: string;
  detail: Record<string, unknown>;
}

/**
 * Appends to the security log that auditors read (administrators' changes to the platform
 * itself, apart from any case's log). Written in the caller's transaction, so the change and
 * its line commit together. Not pure.
 */
export async function logSecurityEvent(db: Knex, event: SecurityEvent): Promise<void> {
  await db('yc_security_log').insert({ at: event.at, actor_id: event.actorId ?? null, action: event.action, detail: JSON.stringify(event.detail) });
}

/** The newest lines of the security log first, optionally of one action. */
export async function securityEvents(db: Knex, filter: { action?: string; limit?: number } = {}): Promise<SecurityEvent[]> {
  const query = db('yc_security_log').orderBy('id', 'desc').limit(filter.limit ?? 200);
  if (filter.action) query.where({ action: filter.action });
  return (await query).map((r: { at: number | string; actor_id: string | null; action: string; detail: string }) => ({
    at: Number(r.at), ...(r.actor_id ? { actorId: r.actor_id } : {}), action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
