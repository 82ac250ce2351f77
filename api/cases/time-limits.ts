import type { Knex } from 'knex';
import type { WorkingCalendar } from '../../engine/index.js';
import { deadlineAfterReceipt, workingDaysBetween } from '../../engine/index.js';
import type { CaseRecord } from './types.js';
import { updateCase } from './repository.js';
import { resumeClock } from './clock.js';

/**
 * A card from the process's timers. The timers count the promised days as the process knew
 * them; an approved extension moves the case's due date past them, so a card is withheld
 * (and the withholding logged) while the extended due date is not yet near or passed.
 */
export async function raiseCard(db: Knex, calendar: WorkingCalendar, c: CaseRecord, colour: 'yellow' | 'red', at: number): Promise<void> {
  const left = c.dueAt === undefined ? 0 : workingDaysBetween(calendar, at, c.dueAt);
  const early = colour === 'red' ? c.dueAt !== undefined && at <= c.dueAt : left > 1;
  if (early && c.extendedDays) {
    await updateCase(db, c.id, (x) => x, { at, action: 'card-withheld', detail: { colour, dueAt: c.dueAt, extendedDays: c.extendedDays } });
    return;
  }
  await updateCase(db, c.id, (x) => ({ ...x, cards: [...x.cards, { colour, at }] }), { at, action: `${colour}-card`, detail: { dueAt: c.dueAt } });
}

/**
 * A special procedure ended: the working days it took do not count, so the due dates move
 * by them. Returns daysLeft, the promised working days not used before the clock stopped.
 */
export async function resumeAfterSpecialProcedure(db: Knex, calendar: WorkingCalendar, c: CaseRecord, at: number): Promise<Record<string, unknown>> {
  const stoppedAt = c.clockStoppedAt ?? at;
  const daysLeft = c.dueAt ? Math.max(0, workingDaysBetween(calendar, stoppedAt, c.dueAt)) : 0;
  const moved = (due: number | undefined) => (due === undefined ? undefined : deadlineAfterReceipt(calendar, at, Math.max(0, workingDaysBetween(calendar, stoppedAt, due))));
  await updateCase(db, c.id, (x) => {
    const resumed = resumeClock(x, at);
    const statutoryDueAt = moved(x.statutoryDueAt);
    return { ...resumed, status: x.status === 'suspended' ? 'handling' : x.status, dueAt: deadlineAfterReceipt(calendar, at, daysLeft), ...(statutoryDueAt ? { statutoryDueAt } : {}) };
  }, { at, action: 'clock-resumed', detail: { daysLeft, stoppedAt, previousDueAt: c.dueAt, dueAt: deadlineAfterReceipt(calendar, at, daysLeft) } });
  return { daysLeft };
}
