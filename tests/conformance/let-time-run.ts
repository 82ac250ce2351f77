import { EngineError } from '../../engine/index.js';
import type { Engine, VirtualClock } from '../../engine/index.js';
import { WAIT_JOB, WAIT_MS } from './placeholders.js';

/** More stops than any betsy delay can need: a guard against a timer that never leaves. */
const MAX_STOPS = 1_000;

/**
 * Lets `ms` of virtual time run. Stops at every due timer and every wake-up of a
 * `WAIT_TEN_SECONDS` job, so a wait started by a timer firing wakes exactly ten seconds
 * after it began. Waits are worked as an external worker would: locked when seen, completed
 * when the clock reaches their wake-up; a wait cancelled meanwhile is simply gone.
 */
export async function letTimeRun(engine: Engine, clock: VirtualClock, ms: number): Promise<void> {
  const target = clock.now() + ms;
  const waits = new Map<string, number>();
  for (let stops = 0; stops < MAX_STOPS; stops++) {
    await lockNewWaits(engine, clock, waits);
    const next = earliest([await engine.store.nextTimer(), ...waits.values()]);
    if (next === undefined || next > target) break;
    await engine.advanceTime(Math.max(0, next - clock.now()));
    await wakeDueWaits(engine, clock, waits);
  }
  await engine.advanceTime(Math.max(0, target - clock.now()));
}

async function lockNewWaits(engine: Engine, clock: VirtualClock, waits: Map<string, number>): Promise<void> {
  const jobs = await engine.activateJobs(WAIT_JOB, { max: 1_000, lockMs: Number.MAX_SAFE_INTEGER / 2, worker: 'betsy-clock' });
  for (const job of jobs) waits.set(job.id, clock.now() + WAIT_MS);
}

async function wakeDueWaits(engine: Engine, clock: VirtualClock, waits: Map<string, number>): Promise<void> {
  for (const [id, due] of waits) {
    if (due > clock.now()) continue;
    waits.delete(id);
    await engine.completeJob(id).catch(ignoreGone);
  }
  await engine.idle();
}

function ignoreGone(err: unknown): void {
  if (err instanceof EngineError && err.code === 'JOB_NOT_FOUND') return;
  throw err;
}

function earliest(times: Array<number | undefined>): number | undefined {
  const known = times.filter((t): t is number => t !== undefined);
  return known.length === 0 ? undefined : Math.min(...known);
}
