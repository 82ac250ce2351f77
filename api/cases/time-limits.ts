import type { Clock } from '../../engine/index.js';
import { workingDaysBetween } from '../../engine/index.js';
import type { CaseRecord } from './types.js';
import { caseLog } from './repository.js';
import { extensionById } from './extension-store.js';
import type { TimeContext } from '../time-limits/timed-update.js';
import { updateTimedCase } from '../time-limits/timed-update.js';
import { issueExtensionNotice } from '../notices/extension-notice.js';

/** The working days from now to the case's promised date (0 when it has none or it passed). */
function daysLeft(ctx: TimeContext, c: CaseRecord, at: number): number {
  return c.dueAt === undefined ? 0 : Math.max(0, workingDaysBetween(ctx.calendar, at, c.dueAt));
}

/**
 * An approved extension, applied once (a redelivered job finds it applied): both limits grow by
 * its working days (行政许可法 §42), the dates are derived again and the watch re-armed.
 * Returns daysLeft, which processes deployed before the watch moved out still read.
 */
export async function extendTimeLimit(ctx: TimeContext, c: CaseRecord, extensionId: string, at: number): Promise<Record<string, unknown>> {
  const extension = await extensionById(ctx.db, extensionId);
  if (extension?.status !== 'approved') throw new Error(`extension ${extensionId} of case ${c.id} is not approved`);
  const applied = (await caseLog(ctx.db, c.id)).some((e) => e.action === 'time-limit-extended' && e.detail.extensionId === extensionId);
  const record = applied ? c : await updateTimedCase(ctx, c.id, (x) => ({ ...x, extendedDays: (x.extendedDays ?? 0) + extension.days }), {
    at, action: 'time-limit-extended', detail: { extensionId, days: extension.days, previousDueAt: c.dueAt, previousStatutoryDueAt: c.statutoryDueAt },
  });
  await issueExtensionNotice(ctx.db, record, extension, at);
  return { daysLeft: daysLeft(ctx, record, at) };
}

/**
 * For processes deployed before special procedures were followed from their steps: the stop
 * ends with its step (api/cases/follow.ts), so this only answers daysLeft. Not pure: it reads.
 */
export async function legacyResumeClock(ctx: TimeContext & { clock: Clock }, c: CaseRecord): Promise<Record<string, unknown>> {
  return { daysLeft: daysLeft(ctx, c, ctx.clock.now()) };
}
