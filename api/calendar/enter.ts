import type { Knex } from 'knex';
import { localDate } from '../../engine/calendar/index.js';
import type { Staff } from '../auth/types.js';
import { ApiError } from '../http/errors.js';
import { logSecurityEvent } from '../audit/security-log.js';
import type { TimeContext } from '../time-limits/timed-update.js';
import { recomputeOpenCases } from '../time-limits/recompute.js';
import type { EnteredArrangement } from './china-calendar.js';
import { arrangementProblems } from './arrangement-check.js';
import { saveArrangement } from './arrangements.js';
import { CHINA_TIME } from './china-time.js';

export interface ArrangementInput {
  holidays: EnteredArrangement['holidays'];
  workdays: EnteredArrangement['workdays'];
  /** The notice it comes from, e.g. 国办发明电〔2026〕9号. */
  source: string;
}

/**
 * An administrator enters a year's arrangement (the State Council's notice): checked, stored
 * with a line in the security log in one transaction, read by every process from its next unit
 * of work on; then every open case's dates are derived again, and those that moved get a log
 * line and their cards re-armed. Not pure.
 */
export async function enterArrangement(ctx: TimeContext, staff: Staff, year: number, input: ArrangementInput, at: number): Promise<{ revision: number; movedCases: string[] }> {
  const problems = arrangementProblems({ year, ...input }, localDate(CHINA_TIME, at));
  if (problems.length > 0) throw new ApiError(400, 'CALENDAR_INVALID', `节假日安排有误：${problems.map((p) => p.problem).join('；')}`, problems);
  const revision = await ctx.db.transaction(async (trx: Knex.Transaction) => {
    const saved = await saveArrangement(trx, { year, ...input, enteredBy: staff.id, enteredAt: at });
    await logSecurityEvent(trx, { at, actorId: staff.id, action: 'calendar-entered', detail: { year, source: input.source, holidays: input.holidays.length, workdays: input.workdays.length, revision: saved } });
    return saved;
  }).catch((err: unknown) => {
    if (/unique|duplicate/i.test(String(err))) throw new ApiError(409, 'CONFLICT', '另一位管理员同时录入了节假日安排，请刷新后重试');
    throw err;
  });
  const movedCases = await recomputeOpenCases(ctx, `${year}年节假日安排已录入（${input.source}）`, at);
  return { revision, movedCases };
}
