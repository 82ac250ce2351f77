import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A real worker process, as `npm run worker` starts it (engine/queue/worker-main.ts with the case
 * server's module), on the test's database schema and queue prefix. Its output is kept for
 * the assertions and for the failure message.
 */
export class WorkerProcess {
  readonly output: string[] = [];
  private readonly ended: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => this.output.push(...String(chunk).split('\n').filter(Boolean));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.ended = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** Starts one and waits for its "serving job types" line (or fails with what it printed). */
  static async start(env: Record<string, string>, timeoutMs = 90_000): Promise<WorkerProcess> {
    const { NODE_OPTIONS: _jestOptions, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'engine/queue/worker-main.ts', '--handlers', 'api/job-handlers.ts'],
      { cwd: repoRoot, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const worker = new WorkerProcess(child);
    await worker.waitFor((line) => line.includes('serving job types'), timeoutMs);
    return worker;
  }

  /** Waits for a line of output; fails if the process ends first or the time runs out. */
  async waitFor(wanted: (line: string) => boolean, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.output.some(wanted)) {
      if (this.child.exitCode !== null || Date.now() > until) throw new Error(`worker did not get there (exit ${this.child.exitCode}):\n${this.output.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGTERM, as an operator stops it: running deliveries finish; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.ended;
  }

  /** For teardown after a failure: whatever state it is in, it is gone. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
