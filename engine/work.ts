/**
 * Background work the engine has started (effects, job handlers, timer firings). `idle()`
 * waits for all of it, including work that work starts, and reports the first failure.
 */
export class Work {
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;

  track(work: Promise<void>): void {
    const tracked = work.catch((err) => {
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
