/** Where a phase reports how far it got: the bar itself, or a worker process's messages to it. */
export interface ProgressSink {
  phase(label: string): void;
  advance(steps?: number): void;
  /** Adds (or, negative, removes) planned work. */
  grow(steps: number): void;
}

/**
 * A progress bar on stderr, so stdout keeps only the results. On a terminal it redraws one
 * line; otherwise (CI, a pipe) it prints a line when a phase begins and every few seconds.
 */
export class Progress implements ProgressSink {
  private done = 0;
  private label = '';
  private lastDraw = 0;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private total: number) {}

  grow(steps: number): void {
    this.total += steps;
  }

  phase(label: string): void {
    this.label = label;
    this.draw(true);
  }

  advance(steps = 1): void {
    this.done += steps;
    this.draw(false);
  }

  finish(): void {
    this.done = this.total;
    this.draw(true);
    if (this.tty) process.stderr.write('\n');
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < (this.tty ? 100 : 5_000)) return;
    this.lastDraw = now;
    const share = this.total > 0 ? Math.min(1, this.done / this.total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%`;
    const line = `${bar} ${formatElapsed(now - this.started)} ${this.label}`;
    if (this.tty) process.stderr.write(`\r${line.slice(0, (process.stderr.columns ?? 120) - 1).padEnd((process.stderr.columns ?? 120) - 1)}`);
    else process.stderr.write(`${line}\n`);
  }
}

function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
