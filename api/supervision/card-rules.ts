import { addDays, atLocalTime, endOfLocalDay, isWorkingDay, localDate } from '../../engine/calendar/index.js';
import { periodEnd } from '../time-limits/counting.js';
import type { WorkingCalendar } from '../../engine/calendar/index.js';
import type { CaseRecord } from '../cases/types.js';
import { CLOSED_STATUSES } from '../cases/types.js';
import { CHINA_TIME } from '../calendar/china-time.js';

/**
 * A card rule of 电子监察: when a card is due on a case and what it says. Every instant is
 * exact, in China time, whatever the time of day the case came in: a limit that ends with a
 * day is passed at 00:00 of the next day (README: "Cards").
 */
export interface CardRule {
  id: string;
  colour: 'yellow' | 'red';
  /** What the card says, to the handler and the supervisor. */
  title: string;
  /** The instant the card is due on this case as it stands, or undefined when it does not apply. Pure. */
  dueAt(c: CaseRecord, cal: WorkingCalendar): number | undefined;
}

/** The instant right after a due date (its day's last millisecond): 00:00 of the next day. */
const passed = (due: number | undefined) => (due === undefined ? undefined : due + 1);
const open = (c: CaseRecord) => !CLOSED_STATUSES.includes(c.status);

/** 00:00 of the working day before the due day, if that is after the day of acceptance. Pure. */
function dayBefore(c: CaseRecord, cal: WorkingCalendar): number | undefined {
  if (c.dueAt === undefined || c.acceptedAt === undefined) return undefined;
  let day = addDays(localDate(CHINA_TIME, c.dueAt), -1);
  while (!isWorkingDay(cal, day)) day = addDays(day, -1);
  return day > localDate(CHINA_TIME, c.acceptedAt) ? atLocalTime(CHINA_TIME, day) : undefined;
}

export const cardRules: readonly CardRule[] = [
  {
    // 行政许可法 §32: no decision to accept and no one-time notice within 5 working days of receipt.
    id: 'acceptance-overdue', colour: 'red', title: '逾期未受理也未一次性告知补正，依法自收到申请材料之日起视为受理',
    dueAt: (c) => (open(c) && c.status === 'received' && c.acceptedAt === undefined ? passed(c.acceptanceDueAt) : undefined),
  },
  {
    id: 'promised-warning', colour: 'yellow', title: '临近承诺办结时限（仅剩一个工作日）',
    dueAt: (c, cal) => (open(c) ? dayBefore(c, cal) : undefined),
  },
  {
    id: 'promised-overdue', colour: 'red', title: '超过承诺办结时限',
    dueAt: (c) => (open(c) && c.acceptedAt !== undefined ? passed(c.dueAt) : undefined),
  },
  {
    id: 'statutory-overdue', colour: 'red', title: '超过法定办结时限',
    dueAt: (c) => (open(c) && c.acceptedAt !== undefined ? passed(c.statutoryDueAt) : undefined),
  },
  {
    // 行政许可法 §44: the certificate within 10 working days of the decision to approve.
    id: 'certificate-overdue', colour: 'red', title: '准予决定后十个工作日内未颁发、送达证件',
    dueAt: (c, cal) => (open(c) && c.decidedAt !== undefined && !c.resultNo ? passed(endOfLocalDay(CHINA_TIME, periodEnd(cal, localDate(CHINA_TIME, c.decidedAt), { days: 10, unit: 'working-days' })!)) : undefined),
  },
];

/**
 * Whether the watch of a case must compute its cards again after this change: an instant some rule counts from
 * moved (raised cards aside: the watch knows those), or the case closed. A step's own due date, a log line or a
 * material leaves its timers as they are. Pure.
 */
export function cardsMoved(before: CaseRecord, after: CaseRecord, cal: WorkingCalendar): boolean {
  const schedule = (c: CaseRecord) => JSON.stringify([open(c), cardRules.map((rule) => rule.dueAt(c, cal) ?? null)]);
  return schedule(before) !== schedule(after);
}

export function cardRule(id: string): CardRule | undefined {
  return cardRules.find((rule) => rule.id === id);
}

/** The cards due and not raised yet, each with its instant, for the watch to wait on. Pure. */
export function armedCards(c: CaseRecord, cal: WorkingCalendar): Array<{ rule: string; dueAt: number }> {
  const raised = (rule: string, dueAt: number) => c.cards.some((card) => card.rule === rule && card.dueAt === dueAt);
  return cardRules.flatMap((rule) => {
    const dueAt = rule.dueAt(c, cal);
    return dueAt === undefined || raised(rule.id, dueAt) ? [] : [{ rule: rule.id, dueAt }];
  });
}
