import type { CaseRecord } from '../cases/types.js';
import { CLOSED_STATUSES } from '../cases/types.js';
import type { TimeContext } from './timed-update.js';
import { updateTimedCase } from './timed-update.js';
import { datesChanged, retimed } from './deadlines.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How many open cases are read at a time. */
const BATCH = 500;

/** The dates a recomputation may move, as the case log records them. */
const DATE_FIELDS = ['acceptanceDueAt', 'dueAt', 'statutoryDueAt'] as const;

/**
 * Derives the due dates of every open case again with the calendar as it now stands (after an
 * arrangement was entered): each case whose dates move is written with a log line saying which
 * date moved, from what to what, and why, and its watch re-arms its cards. Returns the ids of
 * the cases that moved. Not pure.
 */
export async function recomputeOpenCases(ctx: TimeContext, reason: string, at: number): Promise<string[]> {
  await ctx.calendar.refresh();
  const moved: string[] = [];
  for (let after = ''; ;) {
    const rows: Row[] = await ctx.db('yc_cases').whereNotIn('status', [...CLOSED_STATUSES]).where('id', '>', after).orderBy('id').limit(BATCH).select('id', 'body', 'version');
    for (const row of rows) {
      const c = { ...(JSON.parse(row.body) as CaseRecord), version: row.version };
      if (c.limits && datesChanged(c, retimed(c, ctx.calendar))) moved.push(await move(ctx, c, reason, at));
    }
    if (rows.length < BATCH) return moved;
    after = rows.at(-1)!.id;
  }
}

async function move(ctx: TimeContext, c: CaseRecord, reason: string, at: number): Promise<string> {
  const next = retimed(c, ctx.calendar);
  const changes = DATE_FIELDS.filter((field) => c[field] !== next[field]).map((field) => ({ field, from: c[field] ?? null, to: next[field] ?? null }));
  await updateTimedCase(ctx, c.id, (x) => x, { at, action: 'dates-recomputed', detail: { reason, changes } });
  return c.id;
}
