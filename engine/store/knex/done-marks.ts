/** How long marks gather before they are written together. */
const GATHER_MS = 50;
/** The most marks one statement writes (SQLite allows 999 bound values). */
const PER_STATEMENT = 500;

/**
 * Outbox rows carried out, not yet removed. Removing each commit's effects on its own would
 * cost a transaction, and a disk flush, per step; instead marks gather for a moment and are
 * written with one statement. A crash loses only marks, so those effects are carried out
 * again after the restart: at least once, as the outbox promises.
 */
export class DoneMarks {
  private ids: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly write: (ids: string[]) => Promise<void>) {}

  add(ids: readonly string[]): void {
    if (ids.length === 0 || this.closed) return;
    this.ids.push(...ids);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.writing = this.flush();
    }, GATHER_MS);
    this.timer.unref?.();
  }

  /** Writes what has gathered; marks that cannot be written then are given up (see above). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.writing;
    await this.flush();
  }

  private async flush(): Promise<void> {
    while (this.ids.length > 0) {
      const ids = this.ids.splice(0, PER_STATEMENT);
      if (!(await this.write(ids).then(() => true, () => false))) return;
    }
  }
}
