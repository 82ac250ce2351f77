import { endOfLocalDay, localDate } from '../../engine/calendar/index.js';
import type { WorkingCalendar } from '../../engine/calendar/index.js';
import type { CaseRecord, CaseStep, ClockStop } from '../cases/types.js';
import { CLOSED_STATUSES } from '../cases/types.js';
import type { Excluded, StopSpan } from './counting.js';
import { excludedBy, periodEnd } from './counting.js';
import type { CaseLimits } from './limits.js';
import { CHINA_TIME } from '../calendar/china-time.js';

/** 行政许可法 §32: accept, or ask once for everything missing, within 5 working days of receipt. */
export const ACCEPTANCE_DAYS = 5;

/** The due dates a case's facts and its calendar give; every one the end of its last day (23:59:59.999). */
export interface Deadlines {
  acceptanceDueAt?: number;
  dueAt?: number;
  statutoryDueAt?: number;
}

const span = (s: ClockStop): StopSpan => ({ from: s.from, ...(s.to !== undefined ? { to: s.to } : {}), ...(s.days ? { period: { days: s.days, unit: s.unit ?? 'working-days' } } : {}) });
const specialProcedures = (c: CaseRecord) => (c.clockStops ?? []).filter((s) => s.kind === 'special-procedure');

/** The days the promised limit does not count: every special procedure's. Pure. */
export function promisedExcluded(cal: WorkingCalendar, c: CaseRecord): Excluded {
  return excludedBy(cal, specialProcedures(c).map(span));
}

/** The days the statutory limit does not count: §45's procedures' only. Pure. */
function statutoryExcluded(cal: WorkingCalendar, c: CaseRecord): Excluded {
  return excludedBy(cal, specialProcedures(c).filter((s) => (s.stops ?? 'both') === 'both').map(span));
}

const end = (day: string | undefined) => (day === undefined ? undefined : endOfLocalDay(CHINA_TIME, day));

/**
 * A case's due dates from its facts: before acceptance, §32's (5 working days from receipt, or
 * from the day the corrected materials came); once accepted, the statutory and the promised
 * limit counted from the day after acceptance, each skipping the special procedures that stop
 * it, both lengthened by approved extensions; the promised date never after the statutory one.
 * Pure: same case, limits and calendar, same dates.
 */
export function deadlinesOf(c: CaseRecord, limits: CaseLimits, cal: WorkingCalendar): Deadlines {
  if (c.acceptedAt === undefined) {
    if (c.status !== 'received') return {};
    const from = localDate(CHINA_TIME, c.materialsCompleteAt ?? c.receivedAt);
    return { acceptanceDueAt: end(periodEnd(cal, from, { days: ACCEPTANCE_DAYS, unit: 'working-days' }))! };
  }
  const start = localDate(CHINA_TIME, c.acceptedAt);
  const extra = c.extendedDays ?? 0;
  const statutory = limits.statutory && end(periodEnd(cal, start, { days: limits.statutory.days + extra, unit: limits.statutory.unit }, statutoryExcluded(cal, c)));
  const promised = end(periodEnd(cal, start, { days: limits.promisedDays + extra, unit: 'working-days' }, promisedExcluded(cal, c), false));
  const dueAt = promised !== undefined && statutory !== undefined && statutory !== null ? Math.min(promised, statutory) : promised;
  return { ...(dueAt !== undefined ? { dueAt } : {}), ...(statutory ? { statutoryDueAt: statutory } : {}) };
}

/** When one open step is due, by the rules of README's "Time limits". Pure. */
function stepDueAt(cal: WorkingCalendar, c: CaseRecord, dates: Deadlines, step: CaseStep): number | undefined {
  if (step.formKey === 'acceptance' && c.acceptedAt === undefined) return dates.acceptanceDueAt;
  if (step.formKey === 'correction') return c.correction?.dueAt;
  if (step.stopsClock) {
    const stop = specialProcedures(c).find((s) => s.to === undefined && s.from === step.openedAt);
    if (stop?.days) return end(periodEnd(cal, localDate(CHINA_TIME, stop.from), { days: stop.days, unit: stop.unit ?? 'working-days' }, undefined, false));
    return undefined;
  }
  if (step.limit === undefined || step.openedAt === undefined) return dates.dueAt ?? step.dueAt;
  const own = end(periodEnd(cal, localDate(CHINA_TIME, step.openedAt), step.limit, promisedExcluded(cal, c)));
  // No step may be due after its case.
  return own !== undefined && dates.dueAt !== undefined ? Math.min(own, dates.dueAt) : own ?? dates.dueAt;
}

/**
 * The case with every due date derived again from its facts (after any change to them, or to
 * the calendar). A closed case keeps the dates it closed with. Pure.
 */
export function retimed(c: CaseRecord, cal: WorkingCalendar): CaseRecord {
  if (CLOSED_STATUSES.includes(c.status) || !c.limits) return c;
  const dates = deadlinesOf(c, c.limits, cal);
  const { acceptanceDueAt: _a, dueAt: _d, statutoryDueAt: _s, ...rest } = c;
  const currentSteps = c.currentSteps.map((step) => {
    const { dueAt: _old, ...bare } = step;
    const dueAt = stepDueAt(cal, c, dates, step);
    return dueAt === undefined ? bare : { ...bare, dueAt };
  });
  return { ...rest, ...dates, currentSteps };
}

/** Whether two versions of a case differ in a due date, or in the decision one is counted from (a card may need to follow). Pure. */
export function datesChanged(before: CaseRecord, after: CaseRecord): boolean {
  const key = (c: CaseRecord) => JSON.stringify([c.acceptanceDueAt, c.dueAt, c.statutoryDueAt, c.decidedAt, c.currentSteps.map((s) => s.dueAt)]);
  return key(before) !== key(after);
}
