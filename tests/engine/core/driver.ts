import { expect } from '@jest/globals';
import { compileBpmn } from '../../../engine/model/compile.js';
import type { ProcessDef } from '../../../engine/model/graph.js';
import { weekdayCalendar } from '../../../engine/calendar/weekdays.js';
import type { WorkingCalendar } from '../../../engine/calendar/types.js';
import { step } from '../../../engine/runtime/step.js';
import type { StepResult } from '../../../engine/runtime/step.js';
import type { Command } from '../../../engine/runtime/commands.js';
import type { Effect } from '../../../engine/runtime/effects.js';
import type { HistoryEvent, RuntimeEvent } from '../../../engine/runtime/events.js';
import { emptyState, replay } from '../../../engine/runtime/events.js';
import type { InstanceState, Wait } from '../../../engine/runtime/state.js';
import { ROOT } from '../../../engine/runtime/state.js';
import { CHINA } from '../support/china-time.js';

/** Monday 2026-03-02 09:00 in Shanghai (01:00 UTC): a plain working week, far from any holiday. */
export const MONDAY_9AM = Date.UTC(2026, 2, 2, 1, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

type EffectOf<T extends Effect['type']> = Extract<Effect, { type: T }>;

/** A subscription the outside world was told about (message, signal or timer), named by its catching element. */
export interface OpenWait {
  key: string;
  wait: number;
  /** The element whose event it is: the catch event, boundary event, event sub-process start or event after a gateway. */
  el: string;
  kind: 'msg' | 'sig' | 'timer';
  name?: string;
  correlationKey?: string;
  due?: number;
}

export interface DriverOptions {
  processId?: string;
  instanceId?: string;
  now?: number;
  calendar?: WorkingCalendar;
}

/** Compiles a BPMN document and returns one of its processes. */
export async function compileProcess(xml: string, processId = 'p'): Promise<ProcessDef> {
  const definition = (await compileBpmn(xml)).processes[processId];
  if (!definition) throw new Error(`the model has no executable process "${processId}"`);
  return definition;
}

/** A driver on a freshly compiled model; the instance is not started yet. */
export async function drive(xml: string, options: DriverOptions = {}): Promise<Driver> {
  return new Driver(await compileProcess(xml, options.processId), options);
}

/**
 * Plays the outside world for one instance of the pure core: holds the state, feeds commands
 * to `step` at a fake `now`, keeps every event and effect, and reads what is open (jobs, tasks,
 * subscriptions, child instances) from the effects alone, as the engine shell would.
 * After every step it checks that replaying the whole history rebuilds the state, that the
 * same step taken again gives the same result, and that no effect id repeats an earlier one.
 */
export class Driver {
  state: InstanceState;
  now: number;
  readonly events: HistoryEvent[] = [];
  readonly effects: Effect[] = [];
  /** Every step taken: the command and its time (enough to run the scenario again), the history length and the state after it. */
  readonly transcript: Array<{ command: Command; now: number; events: number; state: InstanceState }> = [];
  readonly calendar: WorkingCalendar;
  private readonly jobsOpen = new Map<string, EffectOf<'job.created'>>();
  private readonly tasksOpen = new Map<string, EffectOf<'task.created'>>();
  private readonly waitsOpen = new Map<string, EffectOf<'message.subscribed' | 'signal.subscribed' | 'timer.scheduled'>>();
  private readonly childrenOpen = new Map<string, EffectOf<'child.started'>>();
  private readonly effectIds = new Set<string>();

  constructor(readonly definition: ProcessDef, options: DriverOptions = {}) {
    this.state = emptyState(options.instanceId ?? 'i1');
    this.now = options.now ?? MONDAY_9AM;
    this.calendar = options.calendar ?? weekdayCalendar([], CHINA);
  }

  /** Takes one step; a command the core refuses throws and leaves the driver as it was. */
  send(command: Command): StepResult {
    const before = this.state;
    const ctx = { now: this.now, definition: this.definition, zone: this.calendar.timeZone, calendar: this.calendar };
    const result = step(before, command, ctx);
    expect(step(before, command, ctx)).toEqual(result);
    expect(result.effects.map((e) => e.id).filter((id) => this.effectIds.has(id))).toEqual([]);
    this.state = result.state;
    this.events.push(...result.events);
    this.transcript.push({ command, now: this.now, events: this.events.length, state: result.state });
    this.effects.push(...result.effects);
    for (const effect of result.effects) {
      this.effectIds.add(effect.id);
      this.track(effect);
    }
    for (const key of [...this.childrenOpen.keys()]) if (!this.state.items[key]) this.childrenOpen.delete(key);
    expect(replay(this.events, this.state.id)).toEqual(this.state);
    return result;
  }

  start(variables: Record<string, unknown> = {}, options: Partial<Extract<Command, { type: 'start' }>> = {}): StepResult {
    return this.send({ type: 'start', processId: this.definition.id, definitionKey: `${this.definition.id}:1`, variables, ...options });
  }

  completeJob(el: string, variables?: Record<string, unknown>): StepResult {
    return this.send({ type: 'complete', key: this.job(el).key, variables });
  }

  failJob(el: string, retries: number, message = 'worker failed'): StepResult {
    return this.send({ type: 'fail', key: this.job(el).key, retries, message });
  }

  /** A worker (or a user) reports a BPMN error on an open job or task of element `el`. */
  throwError(el: string, code: string, variables?: Record<string, unknown>): StepResult {
    const key = this.jobsFor(el)[0]?.key ?? this.task(el).key;
    return this.send({ type: 'throwError', key, code, variables });
  }

  completeTask(el: string, variables?: Record<string, unknown>): StepResult {
    return this.send({ type: 'complete', key: this.task(el).key, variables });
  }

  /** The event `el` waits for happens (message, signal or timer); a timer first moves the clock to its due time. */
  fire(el: string, variables?: Record<string, unknown>, nth = 0): StepResult {
    const open = this.waitsFor(el)[nth];
    if (!open) throw new Error(`nothing waits for "${el}" (open: ${this.openWaits().map((w) => w.el).join(', ') || 'none'})`);
    if (open.due !== undefined) this.now = Math.max(this.now, open.due);
    return this.send({ type: 'trigger', key: open.key, wait: open.wait, variables });
  }

  /** The child instance started by call activity `el` ends, normally or with a BPMN error. */
  endChild(el: string, variables?: Record<string, unknown>, error?: { code?: string; message: string }): StepResult {
    return this.send({ type: 'childEnded', key: this.child(el).key, variables, ...(error ? { error } : {}) });
  }

  setVariables(variables: Record<string, unknown>, scope?: string): StepResult {
    return this.send({ type: 'setVariables', variables, ...(scope ? { scope } : {}) });
  }

  resolveIncident(el: string, retries?: number): StepResult {
    const key = this.keyOf(el);
    return this.send({ type: 'resolveIncident', key, ...(retries === undefined ? {} : { retries }) });
  }

  cancel(): StepResult {
    return this.send({ type: 'cancel' });
  }

  advance(ms: number): void {
    this.now += ms;
  }

  // --- What the outside world sees, from the effects ---

  jobs(): EffectOf<'job.created'>[] {
    return [...this.jobsOpen.values()];
  }

  job(el: string): EffectOf<'job.created'> {
    return only(this.jobsFor(el), `open job of "${el}"`);
  }

  tasks(): EffectOf<'task.created'>[] {
    return [...this.tasksOpen.values()];
  }

  task(el: string): EffectOf<'task.created'> {
    return only(this.tasks().filter((t) => t.elementId === el), `open user task "${el}"`);
  }

  children(): EffectOf<'child.started'>[] {
    return [...this.childrenOpen.values()];
  }

  child(el: string): EffectOf<'child.started'> {
    return only(this.children().filter((c) => this.state.items[c.key]?.el === el), `running child of "${el}"`);
  }

  /** Open message, signal and timer subscriptions, each named by the element whose event it is. */
  openWaits(): OpenWait[] {
    return [...this.waitsOpen.values()].map((effect) => {
      const slot = this.state.items[effect.key]?.waits?.[effect.wait] as Wait | null | undefined;
      const base = { key: effect.key, wait: effect.wait, el: slot?.el ?? '?' };
      if (effect.type === 'timer.scheduled') return { ...base, kind: 'timer', due: effect.due };
      if (effect.type === 'signal.subscribed') return { ...base, kind: 'sig', name: effect.name };
      return { ...base, kind: 'msg', name: effect.name, ...(effect.correlationKey === undefined ? {} : { correlationKey: effect.correlationKey }) };
    });
  }

  waitsFor(el: string): OpenWait[] {
    return this.openWaits().filter((w) => w.el === el);
  }

  /** Element ids of the open subscriptions, sorted. */
  listening(): string[] {
    return this.openWaits().map((w) => w.el).sort();
  }

  timer(el: string): OpenWait {
    return only(this.waitsFor(el).filter((w) => w.kind === 'timer'), `open timer of "${el}"`);
  }

  effectsOf<T extends Effect['type']>(type: T): EffectOf<T>[] {
    return this.effects.filter((e): e is EffectOf<T> => e.type === type);
  }

  eventsOf<T extends RuntimeEvent['t']>(t: T): Array<Extract<HistoryEvent, { t: T }>> {
    return this.events.filter((e): e is Extract<HistoryEvent, { t: T }> => e.t === t);
  }

  // --- What the state says ---

  /** Element ids of the live element instances (the process itself left out), sorted. */
  active(): string[] {
    return Object.entries(this.state.items).filter(([key]) => key !== ROOT).map(([, item]) => item.el).sort();
  }

  keysOf(el: string): string[] {
    return Object.keys(this.state.items).filter((key) => this.state.items[key]!.el === el);
  }

  keyOf(el: string): string {
    return only(this.keysOf(el), `live instance of "${el}"`);
  }

  /** The variables held by a scope (the process by default). */
  vars(scope: string = ROOT): Record<string, unknown> {
    return this.state.vars[scope] ?? {};
  }

  get status(): InstanceState['status'] {
    return this.state.status;
  }

  incidents(): Array<{ el: string; code: string }> {
    return Object.values(this.state.items).filter((item) => item.incident).map((item) => ({ el: item.el, code: item.incident!.code }));
  }

  /** Element ids in the order they completed. */
  completed(): string[] {
    return this.eventsOf('completed').map((e) => e.el);
  }

  terminated(): string[] {
    return this.eventsOf('terminated').map((e) => e.el);
  }

  private jobsFor(el: string): EffectOf<'job.created'>[] {
    return this.jobs().filter((j) => j.elementId === el);
  }

  private track(effect: Effect): void {
    switch (effect.type) {
      case 'job.created': this.jobsOpen.set(effect.key, effect); return;
      case 'job.closed': this.jobsOpen.delete(effect.key); return;
      case 'task.created': this.tasksOpen.set(effect.key, effect); return;
      case 'task.closed': this.tasksOpen.delete(effect.key); return;
      case 'message.subscribed':
      case 'signal.subscribed':
      case 'timer.scheduled': this.waitsOpen.set(`${effect.key}/${effect.wait}`, effect); return;
      case 'message.unsubscribed':
      case 'signal.unsubscribed':
      case 'timer.cancelled': this.waitsOpen.delete(`${effect.key}/${effect.wait}`); return;
      case 'child.started': this.childrenOpen.set(effect.key, effect); return;
      case 'child.cancelled':
        for (const [key, started] of this.childrenOpen) if (started.childId === effect.childId) this.childrenOpen.delete(key);
        return;
      default: return;
    }
  }
}

function only<T>(found: T[], what: string): T {
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}`);
  return found[0]!;
}
