import type { InstanceState } from '../../runtime/state.js';
import type { LoadedInstance } from '../types.js';
import type { InstanceRow } from './row-changes.js';

/** How many instances' last commits a store keeps for the next command (an LRU list). */
const REMEMBERED = 1_000;

/**
 * The snapshot row this process last committed for each of its recently busy instances, as
 * it wrote it: the next command on one of them needs no read, and its commit knows which
 * columns it changes (see `written`). Ended instances take no more commands and are dropped,
 * and so are commits without events, whose last hash is not known here.
 */
export class RecentSnapshots {
  private readonly byId = new Map<string, InstanceRow & { last_hash: string }>();

  /** A private copy of the remembered snapshot, if any. */
  get(instanceId: string): LoadedInstance | undefined {
    const found = this.byId.get(instanceId);
    return found && { state: JSON.parse(found.state) as InstanceState, version: found.version, lastHash: found.last_hash };
  }

  /** The row as written, if the stored row is still that one at `version` (no other process wrote since). */
  written(instanceId: string, version: number): InstanceRow | undefined {
    const found = this.byId.get(instanceId);
    return found?.version === version ? found : undefined;
  }

  remember(instanceId: string, status: InstanceState['status'], row: InstanceRow): void {
    this.byId.delete(instanceId);
    const lastHash = row.last_hash;
    if (status !== 'active' || lastHash === null) return;
    this.byId.set(instanceId, { ...row, last_hash: lastHash });
    if (this.byId.size > REMEMBERED) this.byId.delete(this.byId.keys().next().value!);
  }

  forget(instanceId: string): void {
    this.byId.delete(instanceId);
  }
}
