import type { Deployments } from './deployments.js';
import type { WorkingCalendar } from './calendar/types.js';
import { timerDue } from './time/index.js';
import { evaluate } from './expressions/index.js';

export interface StartRef {
  definitionKey: string;
  startEvent: string;
}

interface TimerStart extends StartRef {
  due: number;
  fired: number;
  spec: { kind: 'date' | 'duration' | 'cycle'; value: string; workingDays: boolean };
}

/**
 * Start events that create instances from outside: message, signal and timer starts of the
 * newest version of each process. A new version replaces the older one's timer starts.
 */
export class StartEvents {
  private timers: TimerStart[] = [];

  constructor(private readonly deployments: Deployments, private readonly calendar: WorkingCalendar) {}

  byMessage(name: string): StartRef[] {
    return this.find((e) => e.kind === 'message' && e.name === name);
  }

  bySignal(name: string): StartRef[] {
    return this.find((e) => e.kind === 'signal' && e.name === name);
  }

  private find(match: (e: { kind: string; name?: string }) => boolean): StartRef[] {
    const out: StartRef[] = [];
    for (const { key, process } of this.deployments.newest()) {
      for (const id of process.starts) {
        if (process.elements[id]!.events.some((e) => match(e as { kind: string; name?: string }))) out.push({ definitionKey: key, startEvent: id });
      }
    }
    return out;
  }

  /** Re-reads the timer starts after a deployment; timers already armed keep their due time. */
  refresh(now: number): void {
    const next: TimerStart[] = [];
    for (const { key, process } of this.deployments.newest()) {
      for (const id of process.starts) {
        const timer = process.elements[id]!.events.find((e) => e.kind === 'timer');
        if (timer?.kind !== 'timer') continue;
        const existing = this.timers.find((t) => t.definitionKey === key && t.startEvent === id);
        if (existing) { next.push(existing); continue; }
        const value = String(evaluate(timer.timer.value, {}, { now, timeZone: 'Asia/Shanghai' }));
        const spec = { kind: timer.timer.type, value, workingDays: timer.timer.workingDays };
        const due = timerDue(spec, { from: now, fired: 0, calendar: this.calendar, workingDays: spec.workingDays });
        if (due !== null) next.push({ definitionKey: key, startEvent: id, due, fired: 0, spec });
      }
    }
    this.timers = next;
  }

  nextDue(): number | undefined {
    return this.timers.reduce<number | undefined>((min, t) => (min === undefined || t.due < min ? t.due : min), undefined);
  }

  /** Starts an instance for every timer start due by `until`; cycles are re-armed. */
  async fireDue(until: number, startFrom: (ref: StartRef) => Promise<unknown>): Promise<number> {
    let fired = 0;
    for (const timer of this.timers.filter((t) => t.due <= until)) {
      await startFrom(timer);
      fired++;
      const due = timerDue(timer.spec, { from: timer.due, fired: timer.fired + 1, calendar: this.calendar, workingDays: timer.spec.workingDays });
      this.timers = this.timers.filter((t) => t !== timer);
      if (due !== null) this.timers.push({ ...timer, due, fired: timer.fired + 1 });
    }
    return fired;
  }
}
