/** Timing, memory and connection sampling for one benchmark phase. */

/** Runs a full garbage collection when node was started with --expose-gc; says whether it could. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  return true;
}

export interface PhaseMeasure<T> {
  result: T;
  ms: number;
  /** Highest resident set size seen during the phase, in bytes. */
  peakRss: number;
  /** Most pooled database connections seen in use at once. */
  peakConnections: number;
}

/**
 * Keeps the peaks of RSS and connections in use. Sampled by a timer and by `sample()`, which
 * the driver calls every few steps: a phase that never yields to the event loop (bpmn-engine
 * in memory runs on microtasks) would otherwise never be sampled.
 */
export class Sampler {
  peakRss = process.memoryUsage.rss();
  peakConnections = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly connectionsInUse: () => number = () => 0) {
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  sample(): void {
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
    this.peakConnections = Math.max(this.peakConnections, this.connectionsInUse());
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}

/** Collects garbage, then times `work` while sampling RSS and connections. */
export async function measurePhase<T>(work: (sampler: Sampler) => Promise<T>, connectionsInUse?: () => number): Promise<PhaseMeasure<T>> {
  collectGarbage();
  const sampler = new Sampler(connectionsInUse);
  const started = performance.now();
  const result = await work(sampler);
  const ms = performance.now() - started;
  sampler.stop();
  return { result, ms, peakRss: sampler.peakRss, peakConnections: sampler.peakConnections };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
