import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { CaseRecord } from '../cases/types.js';
import { updateCase } from '../cases/repository.js';
import { findItem } from '../catalog/catalog.js';
import type { ChinaCalendar } from '../calendar/china-calendar.js';
import { retimed } from './deadlines.js';
import { cardsMoved } from '../supervision/card-rules.js';
import { limitsOf } from './limits.js';

/** The calendar of every process of the platform: the China calendar over the arrangements entered, read again when they change. */
export interface LiveCalendar extends ChinaCalendar {
  refresh(): Promise<void>;
}

/** What changing a case's time facts needs: the tables, the live calendar, and a way to tell the case's watch. */
export interface TimeContext {
  db: Knex;
  calendar: LiveCalendar;
  /** Tells the case's time-limit watch that its dates changed (or that it closed). */
  poke: (caseId: string) => Promise<void>;
}

type LogLine = Parameters<typeof updateCase>[3];

/**
 * Changes a case and derives its due dates again from its facts with the current calendar, in
 * one optimistic write with its log line; when an instant a card counts from moved (or the case
 * closed) its watch is told, so its cards are re-armed. A case received before cases kept their
 * limits gets them from its item first. Not pure.
 */
export async function updateTimedCase(ctx: TimeContext, id: string, change: (c: CaseRecord) => CaseRecord, log: LogLine): Promise<CaseRecord> {
  await ctx.calendar.refresh();
  let moved = false;
  const updated = await updateCase(ctx.db, id, async (c, trx) => {
    const item = c.limits ? undefined : await findItem(trx, c.itemCode);
    const withLimits = item ? { ...c, limits: limitsOf(item) } : c;
    const next = retimed(change(withLimits), ctx.calendar);
    // A step's own due date or a log line leaves the watch's timers as they are: telling it costs a commit or three.
    moved = cardsMoved(c, next, ctx.calendar);
    return next;
  }, log);
  if (moved) await ctx.poke(id);
  return updated;
}

/** How long a poke waits for the watch when the watch is busy computing (it then takes it). */
const POKE_TTL_MS = 10 * 60_000;

/** The message that tells a case's time-limit watch its dates changed (processes/time-limit.bpmn). */
export const TIME_LIMIT_CHANGED = 'time-limit-changed';

/**
 * Tells a case's watch through the engine: at once when it waits; buffered for a while when
 * it is computing, so a change that lands meanwhile is never missed (a spare poke only makes it
 * compute once more). Not pure.
 */
export function watchPoker(engine: Engine): (caseId: string) => Promise<void> {
  return async (caseId) => {
    await engine.publishMessage(TIME_LIMIT_CHANGED, { correlationKey: caseId, timeToLiveMs: POKE_TTL_MS });
  };
}

/**
 * The time context of a case server's engine: its calendar must be the platform's (openPlatform
 * and the worker's engineOptions make it so). Not pure: the poker publishes through the engine.
 */
export function timeContextOf(db: Knex, engine: Engine): TimeContext {
  const calendar = engine.calendar;
  if (!isPlatformCalendar(calendar)) throw new Error('the case server needs its engine made with the platform calendar (openPlatform, or the worker module\'s engineOptions)');
  return { db, calendar, poke: watchPoker(engine) };
}

function isPlatformCalendar(calendar: unknown): calendar is LiveCalendar {
  return typeof (calendar as LiveCalendar).refresh === 'function' && typeof (calendar as LiveCalendar).statusOf === 'function';
}
