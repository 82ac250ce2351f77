import type { Knex } from 'knex';

/**
 * The actions the security log records, for the auditors' filter: sign-ins and failures, account
 * changes, the org structure, the calendar, process deployments and the rest of 流程管理 (drafts,
 * refused deployments, which process an item runs, migrated cases).
 */
export const securityActions = [
  'signed-in', 'sign-in-failed', 'password-changed', 'password-reset', 'administrator-created', 'administrator-restored', 'staff-created', 'roles-changed',
  'account-disabled', 'account-enabled', 'sessions-revoked', 'absence-changed', 'unit-created', 'calendar-entered', 'process-deployed',
  'process-draft-saved', 'process-draft-dropped', 'process-deploy-refused', 'item-process-changed', 'process-migrated', 'process-form-saved',
] as const;

/** One line of the security log: who did what to the platform's settings, and when. */
export interface SecurityEvent {
  at: number;
  actorId?: string;
  /** What happened, e.g. calendar-entered (securityActions). */
  action: string;
  detail: Record<string, unknown>;
}

/**
 * Appends to the security log that auditors read (sign-ins, accounts, the platform itself,
 * apart from any case's log). Written in the caller's transaction, so the change and its line
 * commit together. Not pure.
 */
export async function logSecurityEvent(db: Knex, event: SecurityEvent): Promise<void> {
  await db('yc_security_log').insert({ at: event.at, actor_id: event.actorId ?? null, action: event.action, detail: JSON.stringify(event.detail) });
}

export interface SecurityLogFilter {
  action?: string;
  actorId?: string;
  /** Lines at or after / before these instants. */
  from?: number;
  to?: number;
  /** The cursor a previous page gave: lines older than it. */
  before?: number;
  limit?: number;
}

/** The newest lines of the security log first, filtered; each with its id, the cursor for the next page. */
export async function securityEvents(db: Knex, filter: SecurityLogFilter = {}): Promise<Array<SecurityEvent & { id: number }>> {
  const query = db('yc_security_log').orderBy('id', 'desc').limit(filter.limit ?? 200);
  if (filter.action) query.where({ action: filter.action });
  if (filter.actorId) query.where({ actor_id: filter.actorId });
  if (filter.from !== undefined) query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query.where('at', '<', filter.to);
  if (filter.before !== undefined) query.where('id', '<', filter.before);
  return (await query).map((r: { id: number | string; at: number | string; actor_id: string | null; action: string; detail: string }) => ({
    id: Number(r.id), at: Number(r.at), ...(r.actor_id ? { actorId: r.actor_id } : {}), action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
