import type { EngineLogger } from '../logger.js';
import { silentLogger } from '../logger.js';

/**
 * Background work the engine has started (effects, job handlers, timer firings). `idle()`
 * waits for all of it, including work that work starts, and reports the first failure; each
 * failure is logged when it happens, since a server may not call `idle()` for a long time.
 * Work done for an instance is also counted under its family (the instance at the top of its
 * call activities), so `idleFor` waits for one family's work alone: a handler that hangs in
 * another family delays nobody else.
 */
export class Work {
  private readonly pending = new Set<Promise<void>>();
  private readonly byFamily = new Map<string, Set<Promise<void>>>();
  /** A child instance's family (its top instance); an instance absent here is its own. */
  private readonly families = new Map<string, string>();
  private readonly familyFailures = new Map<string, unknown>();
  private failure: unknown;

  constructor(private readonly logger: EngineLogger = silentLogger) {}

  /** `instanceId` names the instance the work is for, so it counts in its family. */
  track(work: Promise<void>, instanceId?: string): void {
    const family = instanceId === undefined ? undefined : this.familyOf(instanceId);
    const tracked: Promise<void> = work.catch((err) => {
      this.logger.error({ err }, 'engine background work failed');
      this.failure ??= err;
      if (family !== undefined && !this.familyFailures.has(family)) this.familyFailures.set(family, err);
    }).finally(() => {
      this.pending.delete(tracked);
      const set = family === undefined ? undefined : this.byFamily.get(family);
      set?.delete(tracked);
      if (set?.size === 0) this.byFamily.delete(family!);
    });
    this.pending.add(tracked);
    if (family !== undefined) {
      const set = this.byFamily.get(family) ?? new Set();
      set.add(tracked);
      this.byFamily.set(family, set);
    }
  }

  /** A child instance started by `parentId` (a call activity): its work counts in the parent's family. */
  adopt(childId: string, parentId: string): void {
    this.families.set(childId, this.familyOf(parentId));
  }

  /** An instance that ended: it starts no more work of its own (what it tracked last still counts). */
  forget(instanceId: string): void {
    this.families.delete(instanceId);
  }

  familyOf(instanceId: string): string {
    return this.families.get(instanceId) ?? instanceId;
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    const failure = this.failure;
    this.failure = undefined;
    this.familyFailures.clear();
    if (failure !== undefined) throw failure;
  }

  /** Waits for the work of these instances' families only (jobs, effects, children), and reports its first failure. */
  async idleFor(instanceIds: readonly string[]): Promise<void> {
    const families = [...new Set(instanceIds.map((id) => this.familyOf(id)))];
    for (;;) {
      const waiting = families.flatMap((family) => [...(this.byFamily.get(family) ?? [])]);
      if (waiting.length === 0) break;
      await Promise.all(waiting);
    }
    for (const family of families) {
      const failure = this.familyFailures.get(family);
      if (failure === undefined) continue;
      this.familyFailures.delete(family);
      if (this.failure === failure) this.failure = undefined;
      throw failure;
    }
  }
}
