import { nthWorkingDay } from '../../engine/calendar/index.js';
import type { LocalDate, WorkingCalendar } from '../../engine/calendar/index.js';
import type { Node } from '../lint/model.js';
import { flowElements, is, yc } from '../lint/model.js';

/** A step's predicted due date: the end of its own limit when every step before it on the longest path takes all of its own. */
export interface PredictedStep {
  elementId: string;
  name: string;
  /** Working days from acceptance to the end of this step, along the longest path to it. */
  days: number;
  dueDate: LocalDate;
}

export interface PredictedDates {
  steps: PredictedStep[];
  /** The promised date (yc:promisedDays, or the days given for the item) and the statutory one (yc:statutoryDays). */
  promisedDate?: LocalDate;
  statutoryDate?: LocalDate;
  /** Working days along the longest path: more than promised means the steps' limits do not fit the promise. */
  longestPathDays: number;
}

const daysOf = (node: Node) => {
  const n = Number(yc(node, 'timeLimitDays') ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** A start event with no trigger (bpmn-js keeps an empty list of definitions, bpmn-moddle none). */
const isNoneStart = (e: Node) => is(e, 'bpmn:StartEvent') && !(e.eventDefinitions as unknown[] | undefined)?.length;

/** Sequence-flow successors; a sub-process is entered at its start events and left by its outgoing flows. */
function next(node: Node): Node[] {
  return ((node.outgoing as Node[] | undefined) ?? []).map((f) => f.targetRef as Node).filter(Boolean);
}

/**
 * The longest path (in working days of the steps' own limits) from each start event, each
 * node once (a loop back is not walked again). A sub-process counts its inner longest path.
 */
function longest(start: Node, onStep: (node: Node, days: number) => void, before = 0, seen = new Set<Node>()): number {
  if (seen.has(start)) return before;
  seen.add(start);
  let here = before + daysOf(start);
  if (is(start, 'bpmn:SubProcess')) {
    const inner = flowElements(start).filter(isNoneStart);
    here = Math.max(here, ...inner.map((s) => longest(s, onStep, before, seen)));
  }
  if (is(start, 'bpmn:Activity') && !is(start, 'bpmn:SubProcess')) onStep(start, here);
  const after = next(start).map((n) => longest(n, onStep, here, new Set(seen)));
  return Math.max(here, ...after);
}

/**
 * 预计日期: given an acceptance date, each step's due date along the longest path through the
 * process (each step taking its whole yc:timeLimitDays), the promised and the statutory date,
 * all counted in working days on the given calendar (the platform's China calendar in the page).
 * Pure.
 */
export function predictedDates(process: Node, accepted: LocalDate, calendar: WorkingCalendar, promisedDays?: number): PredictedDates {
  const byId = new Map<string, PredictedStep>();
  const onStep = (node: Node, days: number) => {
    const known = byId.get(node.id!);
    if (!known || known.days < days) byId.set(node.id!, { elementId: node.id!, name: String(node.name ?? node.id), days, dueDate: nthWorkingDay(calendar, accepted, days) });
  };
  const starts = flowElements(process).filter(isNoneStart);
  const longestPathDays = Math.max(0, ...starts.map((s) => longest(s, onStep)));
  const promised = promisedDays ?? numberOr(yc(process, 'promisedDays'));
  const statutory = numberOr(yc(process, 'statutoryDays'));
  return {
    steps: [...byId.values()].sort((a, b) => a.days - b.days || a.name.localeCompare(b.name)),
    ...(promised !== undefined ? { promisedDate: nthWorkingDay(calendar, accepted, promised) } : {}),
    ...(statutory !== undefined ? { statutoryDate: nthWorkingDay(calendar, accepted, statutory) } : {}),
    longestPathDays,
  };
}

function numberOr(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
