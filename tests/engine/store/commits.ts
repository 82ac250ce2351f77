import type { Effect, InstanceState } from '../../../engine/index.js';
import type { Commit } from '../../../engine/store/types.js';
import type { KnexStore } from '../../../engine/store/knex/store.js';

/**
 * A commit of instance `id` stepping from `version` to the next: one event, a task opened (with a candidate group) and
 * its effect for the outbox; `state` overrides fields of the snapshot. For the group-commit tests of both stores.
 */
export function commitOf(id: string, version: number, state: Partial<InstanceState> = {}): Commit {
  const seq = version + 1;
  const full: InstanceState = { id, processId: 'p', definitionKey: 'p:1', status: 'active', seq, next: seq + 1, items: {}, vars: {}, joins: {}, businessKey: 'case', ...state };
  const effects: Effect[] = [{
    id: `${id}:${seq}.0`, type: 'task.created', key: `t${seq}`, elementId: 'review', name: 'Review',
    candidateGroups: ['window'], candidateUsers: [], properties: {},
  }];
  return {
    instanceId: id, expectedVersion: version, state: full,
    events: [{ seq, at: 1_000 + seq, type: 'started', body: `{"n":${seq}}`, prev: `prev-${id}-${seq}`, hash: `hash-${id}-${seq}` }],
    effects, outbox: effects,
  };
}

/** How many rows of each kind a store holds for an instance (ids starting with `id`). */
export async function rowsOf(store: KnexStore, id: string): Promise<Record<string, number>> {
  const count = async (table: string, column = 'instance_id') => Number((await store.knex(table).where(column, 'like', `${id}%`).count({ n: '*' }).first())!.n);
  return { events: await count('yc_events'), tasks: await count('yc_tasks'), groups: await count('yc_task_groups', 'task_id'), outbox: await count('yc_outbox') };
}
