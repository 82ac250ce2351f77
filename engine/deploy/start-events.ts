import type { Deployments } from './deployments.js';
import type { WorkingCalendar } from '../calendar/types.js';
import type { StartTimerStore } from '../store/start-timers-and-messages.js';
import { StartTimers } from '../timers/start-timers.js';

export interface StartRef {
  definitionKey: string;
  startEvent: string;
}

/**
 * Start events that create instances from outside: message, signal and timer starts of the
 * newest version of each process. A new version replaces the older one's timer starts,
 * which are kept in the store (see StartTimers), not here.
 */
export class StartEvents {
  readonly timers: StartTimers;

  constructor(private readonly deployments: Deployments, calendar: WorkingCalendar, store: StartTimerStore) {
    this.timers = new StartTimers(deployments, calendar, store);
  }

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

  nextDue(): Promise<number | undefined> {
    return this.timers.nextDue();
  }

  /** Starts the instance of each timer start due by `until`, once however many processes fire it (see StartTimers). */
  fireDue(until: number, now: number, startOnce: (ref: StartRef, instanceId: string) => Promise<boolean>): Promise<number> {
    return this.timers.fireDue(until, now, startOnce);
  }

  /** Arms the newest versions' timer starts (of `processIds` only, when given: a deployment's); armed ones keep their due time. */
  async refresh(now: number, processIds?: readonly string[]): Promise<void> {
    await this.timers.arm(now, processIds);
  }
}
