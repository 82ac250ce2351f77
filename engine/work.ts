import type { EngineLogger } from './logger.js';
import { silentLogger } from './logger.js';

/**
 * Background work the engine has started (effects, job handlers, timer firings). `idle()`
 * waits for all of it, including work that work starts, and reports the first failure; each
 * failure is logged when it happens, since a server may not call `idle()` for a long time.
 */
export class Work {
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;

  constructor(private readonly logger: EngineLogger = silentLogger) {}

  track(work: Promise<void>): void {
    const tracked = work.catch((err) => {
      this.logger.error({ err }, 'engine background work failed');
      this.failure ??= err;
    }).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }
}
