import { createHash } from 'node:crypto';
import type { Deployments } from '../deploy/deployments.js';
import type { WorkingCalendar } from '../calendar/types.js';
import type { ProcessDef } from '../model/graph.js';
import type { StartTimer, StartTimerStore } from '../store/start-timers-and-messages.js';
import { timerDue } from '../time/index.js';
import { evaluate } from '../expressions/index.js';
import { EngineError } from '../errors.js';
import type { ModelProblem } from '../errors.js';

/** Missed firings skipped one by one before the next is counted from now instead (a PT1S cycle down for a year). */
const MAX_SKIPS = 1_000;

/**
 * Timer start events, durable as in Camunda: one row per timer start event of a process's
 * newest version, with its next due time, in the store every process shares. Each process's
 * scheduler looks at the due rows; firing one is a compare-and-set on its due time, so of
 * all the processes looking (embedded: one; server mode: the api and every worker) exactly
 * one starts the instance for that due time.
 */
export class StartTimers {
  constructor(private readonly deployments: Deployments, private readonly calendar: WorkingCalendar, private readonly store: StartTimerStore) {}

  /**
   * Arms the timer starts of each process's newest version and drops its older versions'
   * (at deploy, and at open, which also arms versions deployed before these rows existed).
   * A row already armed keeps its due time; a spent one stays spent. `processIds`: only these
   * (a deployment's), so a process that has not yet seen another's newer version leaves it be.
   */
  async arm(now: number, processIds?: readonly string[]): Promise<void> {
    for (const { key, process } of this.deployments.newest()) {
      if (processIds && !processIds.includes(process.id)) continue;
      await this.store.armStartTimers(process.id, versionOf(key), timerStartsOf(key, process, now, this.calendar));
    }
  }

  async nextDue(): Promise<number | undefined> {
    return this.store.nextStartTimer();
  }

  /**
   * Starts the instance of each timer start due by `until`, then moves the row on to its next
   * firing; returns how many instances this process started. The instance's id is the firing's
   * own (`firingId`), so of all the processes firing one due time only one start commits (the
   * others find it exists), and a process that died after the start but before moving the row
   * on leaves a row whose next firing starts nothing twice. `now` (the clock, which may be past
   * `until`) decides which firings were missed.
   */
  async fireDue(until: number, now: number, startOnce: (timer: StartTimer, instanceId: string) => Promise<boolean>): Promise<number> {
    let fired = 0;
    for (const timer of await this.store.dueStartTimers(until)) {
      await this.deployments.sync(timer.definitionKey);
      if (await startOnce(timer, firingId(timer))) fired++;
      await this.store.claimStartTimer(timer.definitionKey, timer.startEvent, timer.due!, nextFiring(timer, Math.max(until, now), this.calendar));
    }
    return fired;
  }
}

/**
 * The timer start rows of one version, due from `now`. Pure but for FEEL's reading of `now`
 * (given). A timer with nothing left to fire (a past date is still fired, once) gets no row.
 */
export function timerStartsOf(definitionKey: string, process: ProcessDef, now: number, calendar: WorkingCalendar): StartTimer[] {
  const rows: StartTimer[] = [];
  for (const id of process.starts) {
    const timer = process.elements[id]!.events.find((e) => e.kind === 'timer');
    if (timer?.kind !== 'timer') continue;
    const value = String(evaluate(timer.timer.value, {}, { now, timeZone: calendar.timeZone.id }));
    const spec = { kind: timer.timer.type, value, workingDays: timer.timer.workingDays };
    const due = timerDue(spec, { from: now, fired: 0, calendar, zone: calendar.timeZone, workingDays: spec.workingDays });
    if (due !== null) rows.push({ definitionKey, processId: process.id, version: versionOf(definitionKey), startEvent: id, due, fired: 0, spec });
  }
  return rows;
}

/**
 * What keeps a process's timer start events from being armed now (a cycle that is not ISO 8601,
 * a date that names no day), as deploy refusals naming the start event. Pure.
 */
export function timerStartProblems(process: ProcessDef, now: number, calendar: WorkingCalendar): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const id of process.starts) {
    const timer = process.elements[id]!.events.find((e) => e.kind === 'timer');
    if (timer?.kind !== 'timer') continue;
    try {
      timerStartsOf('', { ...process, starts: [id] }, now, calendar);
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      problems.push({ elementId: id, elementType: 'StartEvent', rule: 'timer', message: err.message });
    }
  }
  return problems;
}

/**
 * The firing after the one due now; null when the timer is spent. Firings missed while no
 * process ran are skipped, not made up: the one being fired stands for them all. Pure.
 */
export function nextFiring(timer: StartTimer, now: number, calendar: WorkingCalendar): { due: number | null; fired: number } {
  const fired = timer.fired + 1;
  const after = (from: number) => timerDue(timer.spec, { from, fired, calendar, zone: calendar.timeZone, workingDays: timer.spec.workingDays });
  let due = after(timer.due!);
  for (let skipped = 0; due !== null && due <= now; skipped++) due = after(skipped < MAX_SKIPS ? due : now);
  return { due, fired };
}

/** The id of the instance one firing starts: a UUID made from the timer and its due time. Pure. */
export function firingId(timer: Pick<StartTimer, 'definitionKey' | 'startEvent' | 'due'>): string {
  const hex = createHash('sha256').update(`${timer.definitionKey}\n${timer.startEvent}\n${timer.due}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The version number in a definition key (`processId:version`; a BPMN id holds no colon). */
function versionOf(definitionKey: string): number {
  return Number(definitionKey.slice(definitionKey.lastIndexOf(':') + 1));
}
