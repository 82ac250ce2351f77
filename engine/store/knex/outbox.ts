import type { Knex } from 'knex';
import type { ClaimedEffect, EffectClaim } from '../claims.js';
import type { Effect } from '../../runtime/effects.js';

/** A row as the driver returns it (bigint as string on pg). */
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Claims pending effects in one statement: the oldest rows committed by `committedBefore`,
 * not done, and unclaimed or with a claim run out by `now`. On PostgreSQL rows another
 * process is claiming at the same moment are skipped, not waited for; SQLite runs one
 * writer at a time anyway. Returned oldest first (RETURNING keeps no order).
 */
export async function claimEffects(knex: Knex, postgres: boolean, claim: EffectClaim): Promise<ClaimedEffect[]> {
  const sql = `UPDATE yc_outbox SET claimed_by = ?, claimed_until = ?
    WHERE id IN (SELECT id FROM yc_outbox
      WHERE done_at IS NULL AND created_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
      ORDER BY created_at, instance_id, position LIMIT ?${postgres ? ' FOR UPDATE SKIP LOCKED' : ''})
    RETURNING instance_id, position, body, created_at`;
  const result = await knex.raw(sql, [claim.owner, claim.until, claim.committedBefore, claim.now, claim.limit]);
  const rows: Row[] = Array.isArray(result) ? result : result.rows;
  return rows.sort(oldestFirst).map((r) => ({ instanceId: r.instance_id, effect: JSON.parse(r.body) as Effect }));
}

function oldestFirst(a: Row, b: Row): number {
  return Number(a.created_at) - Number(b.created_at) || byText(a.instance_id, b.instance_id) || a.position - b.position;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
