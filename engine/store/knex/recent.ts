import type { InstanceState } from '../../runtime/state.js';
import type { LoadedInstance } from '../types.js';

/** How many instances' last commits a store keeps for the next command (an LRU list). */
const REMEMBERED = 1_000;

interface Snapshot {
  state: string;
  version: number;
  lastHash: string;
}

/**
 * The last snapshot this process committed for each of its recently busy instances, as the
 * JSON text it wrote: the next command on one of them needs no read. Ended instances take
 * no more commands and are dropped.
 */
export class RecentSnapshots {
  private readonly byId = new Map<string, Snapshot>();

  /** A private copy of the remembered snapshot, if any. */
  get(instanceId: string): LoadedInstance | undefined {
    const found = this.byId.get(instanceId);
    return found && { state: JSON.parse(found.state) as InstanceState, version: found.version, lastHash: found.lastHash };
  }

  /** `lastHash` null: the commit had no events, so its last hash is not known here. */
  remember(instanceId: string, status: InstanceState['status'], snapshot: Omit<Snapshot, 'lastHash'> & { lastHash: string | null }): void {
    this.byId.delete(instanceId);
    if (status !== 'active' || snapshot.lastHash === null) return;
    this.byId.set(instanceId, { ...snapshot, lastHash: snapshot.lastHash });
    if (this.byId.size > REMEMBERED) this.byId.delete(this.byId.keys().next().value!);
  }

  forget(instanceId: string): void {
    this.byId.delete(instanceId);
  }
}
