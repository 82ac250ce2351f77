/** Timing, memory and connection sampling for one benchmark phase. */
import type { Connections } from './contenders/contender.js';

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
  /** Most pooled database connections seen open, and busy, at once. */
  peakConnections: Connections;
}

/**
 * A driver's samples closer together than this are skipped: reading RSS costs about 10 µs,
 * as much as a third of a yichuang step in memory, and would otherwise be measured with it.
 */
const MIN_SAMPLE_GAP_MS = 2;

/**
 * Keeps the peaks of RSS and of connections open and busy. Sampled by a timer and by `sample()`, which
 * the driver calls after every step (at most every few milliseconds it takes effect): a phase
 * that never yields to the event loop (bpmn-engine in memory runs on microtasks) would
 * otherwise never be sampled.
 */
export class Sampler {
  peakRss = process.memoryUsage.rss();
  peakConnections: Connections = { open: 0, inUse: 0 };
  private readonly timer: ReturnType<typeof setInterval>;
  private last = performance.now();

  constructor(private readonly connectionsNow: () => Connections = () => ({ open: 0, inUse: 0 })) {
    this.timer = setInterval(() => this.sample(true), 50);
    this.timer.unref();
  }

  sample(always = false): void {
    const now = performance.now();
    if (!always && now - this.last < MIN_SAMPLE_GAP_MS) return;
    this.last = now;
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
    const connections = this.connectionsNow();
    this.peakConnections = { open: Math.max(this.peakConnections.open, connections.open), inUse: Math.max(this.peakConnections.inUse, connections.inUse) };
  }

  stop(): void {
    this.sample(true);
    clearInterval(this.timer);
  }
}

/** Collects garbage, then times `work` while sampling RSS and connections. */
export async function measurePhase<T>(work: (sampler: Sampler) => Promise<T>, connectionsNow?: () => Connections): Promise<PhaseMeasure<T>> {
  collectGarbage();
  const sampler = new Sampler(connectionsNow);
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
