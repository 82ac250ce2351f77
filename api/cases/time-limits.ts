import type { Knex } from 'knex';
import type { WorkingCalendar } from '../../engine/index.js';
import { deadlineAfterReceipt, workingDaysBetween } from '../../engine/index.js';
import type { CaseRecord } from './types.js';
import { caseLog, updateCase } from './repository.js';
import { extensionById } from './extension-store.js';
import { extended } from './extensions.js';
import { resumeClock } from './clock.js';
import { issueExtensionNotice } from '../notices/extension-notice.js';

/**
 * A card from the process's time-limit watch. The watch counts to the case's due date as it
 * stands (an approved extension restarts it), so the card is raised as it comes.
 */
export async function raiseCard(db: Knex, c: CaseRecord, colour: 'yellow' | 'red', at: number): Promise<void> {
  await updateCase(db, c.id, (x) => ({ ...x, cards: [...x.cards, { colour, at }] }), { at, action: `${colour}-card`, detail: { dueAt: c.dueAt } });
}

/**
 * An approved extension, applied once (a redelivered job finds it applied): the due dates move
 * by its working days. Returns daysLeft, the working days from now to the new due date, on
 * which the process restarts its watch.
 */
export async function extendTimeLimit(db: Knex, calendar: WorkingCalendar, c: CaseRecord, extensionId: string, at: number): Promise<Record<string, unknown>> {
  const extension = await extensionById(db, extensionId);
  if (extension?.status !== 'approved') throw new Error(`extension ${extensionId} of case ${c.id} is not approved`);
  const applied = (await caseLog(db, c.id)).some((e) => e.action === 'time-limit-extended' && e.detail.extensionId === extensionId);
  const record = applied ? c : await updateCase(db, c.id, (x) => extended(calendar, x, extension.days), {
    at, action: 'time-limit-extended', detail: { extensionId, days: extension.days, previousDueAt: c.dueAt, dueAt: extended(calendar, c, extension.days).dueAt },
  });
  await issueExtensionNotice(db, record, extension, at);
  return { daysLeft: record.dueAt === undefined ? 0 : Math.max(0, workingDaysBetween(calendar, at, record.dueAt)) };
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
