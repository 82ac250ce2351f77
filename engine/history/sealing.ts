import type { Clock } from '../clock/index.js';
import type { EngineStore } from '../store/types.js';
import type { EngineLogger } from '../logger.js';
import { sealMessage } from './seals.js';
import type { HistorySealer } from './seals.js';

/** How long a new head waits before it is sealed: heads committed meanwhile go in one write. */
export const DEFAULT_SEAL_EVERY_MS = 1_000;

/**
 * Seals chain heads after their commits: the newest head of each instance committed since the
 * last round is signed and filed, a round at most every `everyMs`, so sealing adds one write per
 * round, not one per step. A crash loses only the round in flight: those events stay verifiable
 * by their chain and are sealed with the instance's next head.
 */
export class HeadSealing {
  private readonly heads = new Map<string, { seq: number; hash: string }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private round: Promise<void> = Promise.resolve();

  constructor(private readonly options: { store: EngineStore; clock: Clock; sealer: HistorySealer; everyMs: number; logger: EngineLogger }) {}

  /** Notes an instance's new head (its last committed event). */
  note(instanceId: string, head: { seq: number; hash: string }): void {
    const known = this.heads.get(instanceId);
    if (!known || head.seq > known.seq) this.heads.set(instanceId, head);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.everyMs);
      this.timer.unref?.();
    }
  }

  /** Seals every noted head now (and waits for a round already running). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const heads = [...this.heads];
    this.heads.clear();
    this.round = this.round.then(() => this.file(heads));
    return this.round;
  }

  private async file(heads: Array<[string, { seq: number; hash: string }]>): Promise<void> {
    if (heads.length === 0) return;
    const { store, clock, sealer, logger } = this.options;
    const sealedAt = clock.now();
    const seals = heads.map(([instanceId, { seq, hash }]) => ({
      instanceId, seq, hash, keyId: sealer.keyId, signature: sealer.sign(sealMessage(instanceId, seq, hash)), sealedAt,
    }));
    try {
      await store.saveSeals(seals);
    } catch (err) {
      // Kept for the next round, unless a newer head of the instance was noted meanwhile.
      for (const [instanceId, head] of heads) if (!this.heads.has(instanceId)) this.heads.set(instanceId, head);
      logger.error({ err, heads: heads.length }, 'sealing chain heads failed; they are tried again with the next round');
    }
  }
}
