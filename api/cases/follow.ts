import type { Knex } from 'knex';
import type { Effect, Engine, InstanceState, WorkingCalendar } from '../../engine/index.js';
import { deadlineAfterReceipt, itemId } from '../../engine/index.js';
import type { CaseRecord, CaseStatus, CaseStep } from './types.js';
import { findCase, updateCase } from './repository.js';
import { clockHeld, closeClock, resumeClock, stopClock } from './clock.js';
import { followExtensions } from './extension-follow.js';

type TaskCreated = Extract<Effect, { type: 'task.created' }>;

/** The effects a case follows; the listener reads no others. */
const CASE_EFFECTS = ['task.created', 'task.closed', 'instance.ended'] as const;

/** Working days the applicant has to bring missing materials, as one-time-notice.bpmn counts them by default. */
const CORRECTION_DAYS = 20;
/** 行政许可法 §32: accept, or ask once for everything missing, within 5 working days of receipt. */
const ACCEPTANCE_DAYS = 5;

/**
 * The case follows its process through the engine's committed effects (never its tables):
 * which steps are open and when each is due, when the clock stops, and how the case ended;
 * its extension requests follow their approval tasks. Returns the unsubscriber.
 */
export function followCases(db: Knex, engine: Engine): () => void {
  const stopCases = engine.subscribe(async (instanceId, effect, state) => {
    const caseId = caseOf(state);
    if (!caseId || !(await findCase(db, caseId))) return;
    const at = engine.clock.now();
    if (effect.type === 'task.created') {
      const vars = state.vars['0'] ?? {};
      await updateCase(db, caseId, (c) => opened(c, stepOf(engine.calendar, c, instanceId, effect, vars, at), vars, at),
        { at, action: 'step-opened', detail: { taskId: itemId(instanceId, effect.key), name: effect.name ?? effect.elementId } });
    } else if (effect.type === 'task.closed') {
      const taskId = itemId(instanceId, effect.key);
      await updateCase(db, caseId, (c) => closed(c, taskId, at), { at, action: 'step-closed', detail: { taskId, outcome: effect.outcome } });
    } else if (effect.type === 'instance.ended') {
      const main = (await findCase(db, caseId))?.instanceId === instanceId;
      if (main) await updateCase(db, caseId, (c) => ({ ...closeClock(c, at), status: endStatus(c, state, effect.status), currentSteps: [] }), { at, action: 'closed', detail: { status: effect.status } });
    }
  }, { types: CASE_EFFECTS });
  // After the case's own listener, so the case is closed before its pending requests lapse.
  const stopExtensions = followExtensions(db, engine);
  return () => { stopCases(); stopExtensions(); };
}

function caseOf(state: InstanceState): string | undefined {
  const id = state.vars['0']?.caseId ?? state.businessKey;
  return typeof id === 'string' ? id : undefined;
}

/** A new step and the time it is due: its own limit, the §32 limit before acceptance, else the case's. Pure. */
function stepOf(calendar: WorkingCalendar, c: CaseRecord, instanceId: string, effect: TaskCreated, vars: Record<string, unknown>, at: number): CaseStep {
  const step: CaseStep = { taskId: itemId(instanceId, effect.key), name: effect.name ?? effect.elementId };
  const stops = Boolean(effect.properties.suspendsClock);
  const special = specialProcedureOf(vars);
  const days = stops ? (c.acceptedAt === undefined ? CORRECTION_DAYS : special?.days) : effect.properties.timeLimitDays;
  const dueAt = typeof days === 'number' ? deadlineAfterReceipt(calendar, at, days)
    : c.acceptedAt === undefined ? deadlineAfterReceipt(calendar, c.receivedAt, ACCEPTANCE_DAYS) : c.dueAt;
  return { ...step, ...(dueAt !== undefined ? { dueAt } : {}), ...(stops ? { stopsClock: true } : {}) };
}

function specialProcedureOf(vars: Record<string, unknown>): { name: string; days?: number } | undefined {
  const chosen = vars.specialProcedure as { name?: unknown; days?: unknown } | null | undefined;
  return chosen && typeof chosen.name === 'string' ? { name: chosen.name, ...(typeof chosen.days === 'number' ? { days: chosen.days } : {}) } : undefined;
}

/** A step opened: a clock-stopping one puts the case in correction (before acceptance) or a special procedure. Pure. */
function opened(c: CaseRecord, step: CaseStep, vars: Record<string, unknown>, at: number): CaseRecord {
  const next = { ...c, currentSteps: [...c.currentSteps.filter((s) => s.taskId !== step.taskId), step] };
  if (!step.stopsClock) return { ...next, status: openStatus(next) };
  const special = specialProcedureOf(vars);
  const stop = c.acceptedAt === undefined
    ? { kind: 'correction' as const, name: '补正材料' }
    : { kind: 'special-procedure' as const, name: special?.name ?? step.name, ...(special?.days ? { days: special.days } : {}) };
  return { ...stopClock(next, stop, at), status: openStatus(next) };
}

/**
 * A step closed. Ending a correction restarts the count (the time limit runs from acceptance,
 * so nothing more to move); a special procedure's end is the resume-clock job's, which moves
 * the due date by the days it took. Pure.
 */
function closed(c: CaseRecord, taskId: string, at: number): CaseRecord {
  const step = c.currentSteps.find((s) => s.taskId === taskId);
  const next = { ...c, currentSteps: c.currentSteps.filter((s) => s.taskId !== taskId) };
  if (!step?.stopsClock || c.acceptedAt !== undefined || clockHeld(next)) return next;
  return { ...resumeClock(next, at), status: next.status === 'correcting' ? 'received' : next.status };
}

function openStatus(c: CaseRecord): CaseStatus {
  if (c.status === 'refused') return 'refused';
  if (clockHeld(c)) return c.acceptedAt === undefined ? 'correcting' : 'suspended';
  return c.acceptedAt === undefined ? 'received' : 'handling';
}

function endStatus(c: CaseRecord, state: InstanceState, how: 'completed' | 'terminated'): CaseStatus {
  const vars = state.vars['0'] ?? {};
  if (how === 'terminated') return 'withdrawn';
  if (vars.resultNo || c.resultNo) return 'completed';
  if (c.status === 'refused' || vars.accepted === false || vars.approved === false || vars.initialApproved === false) return 'refused';
  return 'withdrawn';
}
