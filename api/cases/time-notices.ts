import type { Clock } from '../../engine/index.js';
import { endOfLocalDay, localDate, workingDaysBetween } from '../../engine/calendar/index.js';
import type { SpecialProcedure } from '../../processes/catalog/types.js';
import type { CaseRecord } from './types.js';
import { findItem } from '../catalog/catalog.js';
import { hasNotice, issueNotice } from '../notices/store.js';
import type { IssueOptions } from '../notices/store.js';
import { accept } from './acceptance.js';
import { noticeData, printedDate } from './notice-data.js';
import type { TimeContext } from '../time-limits/timed-update.js';
import { updateTimedCase } from '../time-limits/timed-update.js';
import { periodEnd } from '../time-limits/counting.js';
import { ACCEPTANCE_DAYS, retimed } from '../time-limits/deadlines.js';
import { stoppedLimits } from '../time-limits/limits.js';
import { periodText } from '../time-limits/wording.js';
import { CHINA_TIME } from '../calendar/china-time.js';

type Context = TimeContext & { clock: Clock };

/** Working days the applicant has to bring what is missing, unless the process says otherwise. */
export const CORRECTION_DAYS = 20;

/**
 * 受理通知书: the case is accepted (unless it was already, by the window or by law) and the
 * notice prints the dates as they stand: receipt, acceptance, the promised and the statutory
 * date, and the special procedures whose time is not counted, each with its unit. Returns
 * promisedDate for the process.
 */
export async function acceptanceNotice(ctx: Context, c: CaseRecord, at: number, options: IssueOptions = {}): Promise<Record<string, unknown>> {
  const dates = retimed(accept(c, at), ctx.calendar);
  const accepted = c.acceptedAt === undefined
    ? await updateTimedCase(ctx, c.id, (x) => accept(x, at), { at, action: 'accepted', detail: { dueAt: dates.dueAt, statutoryDueAt: dates.statutoryDueAt } })
    : c;
  const item = await findItem(ctx.db, c.itemCode);
  const limits = accepted.limits;
  if (!(await hasNotice(ctx.db, c.id, 'acceptance'))) {
    await issueNotice(ctx.db, c.id, 'acceptance', {
      ...(await noticeData(ctx.db, accepted, at)), acceptedDate: printedDate(accepted.acceptedAt!),
      deemed: accepted.acceptance?.kind === 'deemed',
      // Only 行政许可法 §32 says in so many words that silence is acceptance; other items follow the platform's rule without a citation.
      ...(item?.type === '行政许可' ? { deemedBasis: '《中华人民共和国行政许可法》第三十二条' } : {}),
      promisedDays: limits?.promisedDays ?? item?.promisedDays ?? 0, promisedDate: accepted.dueAt ? printedDate(accepted.dueAt) : '—',
      statutoryLimit: limits?.statutory ? periodText(limits.statutory) : (item?.statutoryNote ?? '法律未规定'),
      ...(accepted.statutoryDueAt ? { statutoryDate: printedDate(accepted.statutoryDueAt) } : {}),
      specialProcedures: (limits?.specialProcedures ?? []).flatMap(notCounted),
      materials: c.materials.filter((m) => m.provided).map((m) => ({ name: m.name, copies: 1, original: true })),
    }, at, options);
  }
  return { promisedDate: accepted.dueAt ? new Date(accepted.dueAt).toISOString() : null };
}

/** How the notice names a special procedure whose time a limit leaves out. Pure. */
function notCounted(p: SpecialProcedure): Array<{ name: string; length: string; limits: string }> {
  const stops = stoppedLimits(p.name, p.countsTowardLimit);
  if (stops === 'none') return [];
  return [{ name: p.name, length: periodText(p), limits: stops === 'both' ? '法定办结时限和承诺办结时限' : '承诺办结时限' }];
}

/**
 * 一次性告知书, listing everything missing at once, with the 补正 period and its end date, and
 * what happens when it passes. No limit runs before acceptance, so nothing is "paused": the case
 * is accepted when the materials are complete and counted from the day after. §32 wants the
 * notice within 5 working days of receipt (Zhejiang: on the spot), so the log says how long it
 * took. Returns correctionDueAt, the instant the period is over, for the process's timer.
 */
export async function oneTimeNotice(ctx: Context, c: CaseRecord, missing: string[], days: unknown, at: number, options: IssueOptions = {}): Promise<Record<string, unknown>> {
  const correctionDays = typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : CORRECTION_DAYS;
  const sameRound = c.correction && !(c.materialsCompleteAt !== undefined && c.materialsCompleteAt > c.correction.noticeAt);
  const correction = sameRound ? c.correction! : { noticeAt: at, days: correctionDays, dueAt: endOfLocalDay(CHINA_TIME, periodEnd(ctx.calendar, localDate(CHINA_TIME, at), { days: correctionDays, unit: 'working-days' })!) };
  if (!sameRound) {
    await issueNotice(ctx.db, c.id, 'one-time', {
      ...(await noticeData(ctx.db, c, at)), missing: missing.map((name) => ({ name })), noticeDate: printedDate(at),
      correctionDays, correctionDueDate: printedDate(correction.dueAt),
    }, at, options);
    const workingDays = workingDaysBetween(ctx.calendar, c.materialsCompleteAt ?? c.receivedAt, at);
    await updateTimedCase(ctx, c.id, (x) => ({ ...x, correction, status: 'correcting' }), {
      at, action: 'one-time-notice', detail: { missing, correctionDays, correctionDueAt: correction.dueAt, workingDaysAfterReceipt: workingDays, withinStatutoryFiveDays: workingDays <= ACCEPTANCE_DAYS },
    });
  }
  return { correctionDueAt: new Date(correction.dueAt + 1).toISOString() };
}
