import type { Effect, Engine, InstanceState } from '../../engine/index.js';
import { itemId, splitItemId } from '../../engine/index.js';
import type { CaseRecord, CaseStatus, CaseStep, ClockStop } from './types.js';
import { findCase } from './repository.js';
import { clockHeld, closeClock, resumeClock, stopClock } from './clock.js';
import { followExtensions } from './extension-follow.js';
import type { TimeContext } from '../time-limits/timed-update.js';
import { updateTimedCase } from '../time-limits/timed-update.js';
import { stoppedLimits } from '../time-limits/limits.js';
import { specialProcedureNotices } from './special-procedure-notice.js';
import { acceptedLine, afterStep, stepDoneLine } from './step-done.js';

type TaskCreated = Extract<Effect, { type: 'task.created' }>;
type TaskClosed = Extract<Effect, { type: 'task.closed' }>;

/** The effects a case follows; the listener reads no others. */
const CASE_EFFECTS = ['task.created', 'task.closed', 'task.assigned', 'task.moved', 'instance.ended'] as const;

/**
 * The case follows its process through the engine's committed effects (never its tables):
 * which steps are open, since when and with what limit, when a special procedure stops a clock,
 * when the corrected materials came, and how the case ended; its due dates are derived again
 * after each (api/time-limits) and its watch told. Extension requests follow their approval
 * tasks. Each write is keyed by its effect's id (a step's answer by its task's), so an effect
 * the outbox delivers again changes nothing. Returns the unsubscriber.
 */
export function followCases(ctx: TimeContext, engine: Engine): () => void {
  const { db } = ctx;
  const stopCases = engine.subscribe(async (instanceId, effect, state) => {
    const caseId = caseOf(state);
    if (!caseId || !(await findCase(db, caseId))) return;
    const at = engine.clock.now();
    if (effect.type === 'task.created') {
      const vars = state.vars['0'] ?? {};
      const updated = await updateTimedCase(ctx, caseId, (c) => opened(c, stepOf(c, instanceId, state.processId, effect, at), vars, at),
        { at, action: 'step-opened', detail: { taskId: itemId(instanceId, effect.key), name: effect.name ?? effect.elementId }, once: effect.id });
      await specialProcedureNotices(db, ctx.calendar, updated, at);
    } else if (effect.type === 'task.assigned') {
      // A claim, give-back or hand-on: the step's holder, which the inbox's read model follows from the case.
      const taskId = itemId(instanceId, effect.key);
      await updateTimedCase(ctx, caseId, (c) => ({ ...c, currentSteps: c.currentSteps.map((s) => (s.taskId === taskId ? holdBy(s, effect.assignee) : s)) }),
        { at, action: 'step-assigned', detail: { taskId, assignee: effect.assignee ?? null }, once: effect.id });
    } else if (effect.type === 'task.moved') {
      // A migrated instance: the step is the same task, now at its element of the new version.
      const taskId = itemId(instanceId, effect.key);
      await updateTimedCase(ctx, caseId, (c) => ({ ...c, currentSteps: c.currentSteps.map((s) => (s.taskId === taskId
        ? { ...s, elementId: effect.elementId, name: effect.name ?? effect.elementId, processId: state.processId } : s)) }),
      { at, action: 'step-moved', detail: { taskId, elementId: effect.elementId }, once: effect.id });
    } else if (effect.type === 'task.closed') {
      await followClose(ctx, engine, caseId, itemId(instanceId, effect.key), effect, at);
    } else if (effect.type === 'instance.ended') {
      const main = (await findCase(db, caseId))?.instanceId === instanceId;
      if (main) await updateTimedCase(ctx, caseId, (c) => ({ ...closeClock(c, at), status: endStatus(c, state, effect.status), currentSteps: [] }), { at, action: 'closed', detail: { status: effect.status }, once: effect.id });
    }
  }, { types: CASE_EFFECTS });
  // After the case's own listener, so the case is closed before its pending requests lapse.
  const stopExtensions = followExtensions(db, engine);
  return () => { stopCases(); stopExtensions(); };
}

/**
 * A step closed, and when a person completed it, what their answer means for the case with
 * the 'step-done' line, in one write keyed by the task: a close delivered again (the outbox,
 * after a crash) finds it written and changes nothing. Not pure.
 */
async function followClose(ctx: TimeContext, engine: Engine, caseId: string, taskId: string, effect: TaskClosed, now: number): Promise<void> {
  const { completion } = effect;
  const at = completion?.at ?? now;
  const closing = { at, action: 'step-closed', detail: { taskId, outcome: effect.outcome }, once: effect.id };
  const before = await findCase(ctx.db, caseId);
  const step = before?.currentSteps.find((s) => s.taskId === taskId);
  if (!before || !completion) {
    await updateTimedCase(ctx, caseId, (c) => closed(c, taskId, at), closing);
    return;
  }
  const done = await stepDoneLine(ctx.db, before, taskId, step, completion);
  const reviewsLeft = step?.formKey === 'joint-review' && (await engine.tasks({ instanceId: splitItemId(taskId)!.instanceId })).some((t) => t.id !== taskId && t.formKey === 'joint-review');
  await updateTimedCase(ctx, caseId, (c) => {
    const left = closed(c, taskId, at);
    const answered = c.currentSteps.find((s) => s.taskId === taskId) ?? step;
    return answered ? afterStep(left, answered, completion, reviewsLeft) : left;
  }, [done, acceptedLine(completion.at), closing]);
}

/** A step with its new holder (none: back to its groups). Pure. */
function holdBy(step: CaseStep, assignee: string | undefined): CaseStep {
  const { assignee: _before, ...rest } = step;
  return assignee ? { ...rest, assignee } : rest;
}

function caseOf(state: InstanceState): string | undefined {
  const id = state.vars['0']?.caseId ?? state.businessKey;
  return typeof id === 'string' ? id : undefined;
}

/** A new step: since when, with the item's stage limit or its process's own (yc:timeLimitDays). Its due date is derived. Pure. */
function stepOf(c: CaseRecord, instanceId: string, processId: string, effect: TaskCreated, at: number): CaseStep {
  const stage = c.limits?.stepLimits.find((s) => s.step === effect.elementId);
  const days = effect.properties.timeLimitDays;
  const limit = stage ? { days: stage.days, unit: stage.unit } : typeof days === 'number' ? { days, unit: 'working-days' as const } : undefined;
  return {
    taskId: itemId(instanceId, effect.key), name: effect.name ?? effect.elementId, elementId: effect.elementId, openedAt: at,
    ...(effect.formKey ? { formKey: effect.formKey } : {}), ...(limit ? { limit } : {}), ...(effect.properties.suspendsClock ? { stopsClock: true } : {}),
    candidateGroups: effect.candidateGroups, processId, ...(effect.assignee ? { assignee: effect.assignee } : {}),
  };
}

/** The special procedure the reviewer chose (specialProcedure: { name, days, unit? }), if any. Pure. */
function specialProcedureOf(vars: Record<string, unknown>): { name: string; days?: number; unit?: 'working-days' | 'days' } | undefined {
  const chosen = vars.specialProcedure as { name?: unknown; days?: unknown; unit?: unknown } | null | undefined;
  if (!chosen || typeof chosen.name !== 'string') return undefined;
  const unit = chosen.unit === 'days' || chosen.unit === 'working-days' ? chosen.unit : undefined;
  return { name: chosen.name, ...(typeof chosen.days === 'number' ? { days: chosen.days } : {}), ...(unit ? { unit } : {}) };
}

/**
 * The stop a special procedure makes: its length in the unit the item's guide gives it (公示
 * of 7 days is 7 days), and which limits it stops; none when the guide counts its days. Pure.
 */
function stopOf(c: CaseRecord, step: CaseStep, vars: Record<string, unknown>): Omit<ClockStop, 'from' | 'to'> | undefined {
  const chosen = specialProcedureOf(vars);
  const name = chosen?.name ?? step.name;
  const guide = c.limits?.specialProcedures.find((p) => p.name === name || name.includes(p.name) || p.name.includes(name));
  const stops = stoppedLimits(name, guide?.countsTowardLimit);
  if (stops === 'none') return undefined;
  const days = chosen?.days ?? guide?.days;
  const unit = chosen?.unit ?? guide?.unit ?? 'working-days';
  return { kind: 'special-procedure', name, stops, ...(days ? { days, unit } : {}) };
}

/**
 * A step opened. Before acceptance a waiting step is a correction (补正): no limit runs yet, the
 * case waits on the applicant. After acceptance it is a special procedure, which stops the
 * limits it stops. Pure.
 */
function opened(c: CaseRecord, step: CaseStep, vars: Record<string, unknown>, at: number): CaseRecord {
  const next = { ...c, currentSteps: [...c.currentSteps.filter((s) => s.taskId !== step.taskId), step] };
  if (!step.stopsClock || c.acceptedAt === undefined) return { ...next, status: openStatus(next) };
  const stop = stopOf(c, step, vars);
  const withStop = stop ? stopClock(next, stop, at) : next;
  return { ...withStop, status: openStatus(withStop) };
}

/**
 * A step closed. A correction ended: the materials are complete from now, and acceptance is
 * counted from now (§32). A special procedure ended: its stop ends now, if its stated length
 * had not ended it already (the dates say so either way). Pure.
 */
function closed(c: CaseRecord, taskId: string, at: number): CaseRecord {
  const step = c.currentSteps.find((s) => s.taskId === taskId);
  const next = { ...c, currentSteps: c.currentSteps.filter((s) => s.taskId !== taskId) };
  if (!step?.stopsClock) return { ...next, status: openStatus(next) };
  if (c.acceptedAt === undefined) return { ...next, materialsCompleteAt: at, status: openStatus(next) };
  const resumed = clockHeld(next) ? next : resumeClock(next, at);
  return { ...resumed, status: openStatus(resumed) };
}

function openStatus(c: CaseRecord): CaseStatus {
  if (c.status === 'refused') return 'refused';
  if (c.acceptedAt === undefined) return clockHeld(c) ? 'correcting' : 'received';
  return clockHeld(c) ? 'suspended' : 'handling';
}

function endStatus(c: CaseRecord, state: InstanceState, how: 'completed' | 'terminated'): CaseStatus {
  const vars = state.vars['0'] ?? {};
  if (how === 'terminated') return 'withdrawn';
  if (vars.resultNo || c.resultNo) return 'completed';
  if (c.status === 'refused' || vars.accepted === false || vars.approved === false || vars.initialApproved === false) return 'refused';
  return 'withdrawn';
}
