/** Latencies of one route, kept whole (runs are short), summarised as percentiles. */
export class Latencies {
  private readonly ms: number[] = [];
  errors = 0;

  add(ms: number): void {
    this.ms.push(ms);
  }

  get count(): number {
    return this.ms.length;
  }

  /** The p-th percentile (0-100) of what was added, nearest rank; NaN when empty. */
  p(p: number): number {
    return percentile(this.ms, p);
  }
}

/** Nearest-rank percentile. Pure. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
