import { EngineError } from '../errors.js';
import type { Clock } from '../clock/index.js';
import { isVirtual } from '../clock/index.js';
import type { EngineStore } from '../store/types.js';
import type { StartEvents, StartRef } from '../deploy/start-events.js';

/** Longest sleep between looks at the timer table (a timer written by another process). */
const MAX_SLEEP_MS = 1_000;
/** Firings one `advance` may make before it suspects a runaway timer. */
const MAX_FIRINGS = 100_000;
/** How often expired buffered messages are deleted (they are never taken anyway: this only frees the rows). */
const SWEEP_EVERY_MS = 60_000;

/** What the scheduler reads and calls: the store's timers, the engine's clock, and the facade's trigger and idle (passed in, so the scheduler stands below the facade). */
export interface SchedulerHost {
  store: EngineStore;
  clock: Clock;
  /** Triggers an instance's timer wait; false when it is gone or re-armed meanwhile. */
  trigger: (instanceId: string, key: string, wait: number) => Promise<boolean>;
  /** Resolves when the engine's background work (effects, job runs, firings) is done. */
  idle: () => Promise<void>;
}

/**
 * Fires due timers and runs other due work (a job's retry after its backoff). With the
 * system clock it sleeps until the next due instant; with a virtual clock time moves only
 * through `advance`, firing everything on the way in order. With a queue (server mode)
 * instance timers are the workers' business and are left out; timer start events are not:
 * every process's scheduler looks at them, and their store's compare-and-set lets one fire
 * each (simpler than a queue delivery per firing, which would need its own reconciling, and
 * a start timer is late by a second at most). It also sweeps out expired buffered messages.
 */
export class Scheduler {
  private handle: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** Due work by id: scheduling the same id again replaces it. */
  private readonly agenda = new Map<string, { due: number; run: () => void }>();

  constructor(
    private readonly host: SchedulerHost,
    private readonly startEvents: StartEvents,
    /** Starts an instance with the given id at a start event; false when it exists already. */
    private readonly startOnce: (ref: StartRef, instanceId: string) => Promise<boolean>,
    private readonly auto: boolean,
    private readonly instanceTimers = true,
  ) {}

  /** Runs `run` once the engine's clock reaches `due` (through `advance` on a virtual clock). */
  at(id: string, due: number, run: () => void): void {
    this.agenda.set(id, { due, run });
    this.wake();
  }

  /**
   * Asks for a look at the timers soon; many asks while a look is under way make one more look.
   * `due`: the ask is for a timer due then, which a look already planned for no later (every
   * look plans the next within a second) will find: no extra look, and no extra queries.
   */
  wake(due?: number): void {
    if (!this.auto || this.stopped) return;
    if (due !== undefined && (this.looking ? due > this.host.clock.now() + MAX_SLEEP_MS : this.plannedAt !== undefined && due >= this.plannedAt)) return;
    if (this.looking) {
      this.lookAgain = true;
      return;
    }
    if (this.handle) clearTimeout(this.handle);
    this.handle = setTimeout(() => void this.tick(), 0);
    this.plannedAt = this.host.clock.now();
  }

  private looking = false;
  private lookAgain = false;
  /** When the next look is planned for, while one is. */
  private plannedAt: number | undefined;

  private async tick(): Promise<void> {
    this.handle = undefined;
    this.plannedAt = undefined;
    if (this.stopped) return;
    this.looking = true;
    try {
      await this.look();
    } finally {
      this.looking = false;
    }
    if (this.lookAgain) {
      this.lookAgain = false;
      this.wake();
    }
  }

  private async look(): Promise<void> {
    await this.fireDue(this.host.clock.now()).catch(() => undefined);
    await this.sweep().catch(() => undefined);
    // Closing the engine while a look was under way: its store may be gone, so stop here.
    const next = this.stopped ? undefined : await this.nextDue().catch(() => undefined);
    if (this.stopped) return;
    const sleep = next === undefined ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, next - this.host.clock.now()));
    this.handle = setTimeout(() => void this.tick(), sleep);
    this.handle.unref?.();
    this.plannedAt = this.host.clock.now() + sleep;
  }

  private lastSweep = Number.NEGATIVE_INFINITY;

  /** Deletes expired buffered messages, at most every SWEEP_EVERY_MS of the engine's clock. */
  private async sweep(): Promise<void> {
    const now = this.host.clock.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.host.store.dropExpiredMessages(now);
  }

  private async nextDue(): Promise<number | undefined> {
    const instance = this.instanceTimers ? await this.host.store.nextTimer() : undefined;
    const dues = [instance, await this.startEvents.nextDue(), ...[...this.agenda.values()].map((work) => work.due)].filter((due) => due !== undefined);
    return dues.length > 0 ? Math.min(...dues) : undefined;
  }

  /** Fires everything due at or before `until`; returns how many fired. */
  private async fireDue(until: number): Promise<number> {
    let fired = 0;
    for (const timer of this.instanceTimers ? await this.host.store.dueTimers(until) : []) {
      if (await this.host.trigger(timer.instanceId, timer.key, timer.wait)) fired++;
    }
    fired += await this.startEvents.fireDue(until, this.host.clock.now(), this.startOnce);
    for (const [id, work] of [...this.agenda].filter(([, w]) => w.due <= until)) {
      this.agenda.delete(id);
      work.run();
      fired++;
    }
    return fired;
  }

  async advance(ms: number): Promise<void> {
    const clock = this.host.clock;
    if (!isVirtual(clock)) throw new EngineError('CLOCK_NOT_VIRTUAL', 'advanceTime needs the engine created with a VirtualClock');
    const target = clock.now() + ms;
    await this.host.idle();
    for (let next = await this.nextDue(), rounds = 0; next !== undefined && next <= target; next = await this.nextDue(), rounds++) {
      if (rounds > MAX_FIRINGS) throw new EngineError('TIMER_STORM', `more than ${MAX_FIRINGS} timer firings in one advance; is a cycle without end due again and again?`);
      clock.set(next);
      await this.fireDue(next);
      await this.host.idle();
    }
    clock.set(target);
    await this.sweep();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle) clearTimeout(this.handle);
  }
}
