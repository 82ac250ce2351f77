import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { commitOf, rowsOf } from './commits.js';

function outcome(settled: PromiseSettledResult<void>): string {
  return settled.status === 'rejected' ? (settled.reason as { code: string }).code : 'committed';
}

describe('group commit on SQLite', () => {
  let store: KnexStore;
  beforeEach(async () => {
    store = new KnexStore();
    await store.init();
  });
  afterEach(() => store.close());

  test('commits of several instances made at once are written together, on one turn of the connection, each with its own rows', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    const acquired = jest.spyOn(store.knex.client, 'acquireConnection');
    await Promise.all(ids.map((id) => store.commit(commitOf(id, 0))));
    expect(acquired).toHaveBeenCalledTimes(1);
    for (const id of ids) expect(await rowsOf(store, id)).toEqual({ events: 1, tasks: 1, groups: 1, outbox: 1 });
    const tasks = await Promise.all(ids.map((id) => store.tasks({ instanceId: id })));
    expect(tasks.map((open) => open.map((task) => task.id))).toEqual(ids.map((id) => [`${id}~t1`]));
  });

  test('a commit whose version check fails is refused alone: none of its rows are written, the others are', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => store.commit(commitOf(id, 0))));
    const outcomes = await Promise.allSettled([store.commit(commitOf('a', 1)), store.commit(commitOf('b', 4)), store.commit(commitOf('c', 1))]);
    expect(outcomes.map(outcome)).toEqual(['committed', 'CONFLICT', 'committed']);
    expect(await rowsOf(store, 'b')).toEqual({ events: 1, tasks: 1, groups: 1, outbox: 1 });
    expect(await rowsOf(store, 'a')).toEqual({ events: 2, tasks: 2, groups: 2, outbox: 2 });
  });

  test('a commit that fails in its batch (its message is gone) fails alone, and the others of the batch are written', async () => {
    const outcomes = await Promise.allSettled([
      store.commit(commitOf('a', 0)), store.commit({ ...commitOf('b', 0), takesMessage: { id: 'never-buffered', now: 1 } }), store.commit(commitOf('c', 0)),
    ]);
    expect(outcomes.map(outcome)).toEqual(['committed', 'MESSAGE_TAKEN', 'committed']);
    expect(await rowsOf(store, 'b')).toEqual({ events: 0, tasks: 0, groups: 0, outbox: 0 });
    expect(await store.load('b')).toBeUndefined();
    expect((await store.load('c'))?.version).toBe(1);
  });

  test('two commits of one instance made at once never share a transaction: the second sees the first', async () => {
    await Promise.all([store.commit(commitOf('a', 0)), store.commit(commitOf('a', 1))]);
    expect((await store.load('a'))?.version).toBe(2);
    expect(await rowsOf(store, 'a')).toEqual({ events: 2, tasks: 2, groups: 2, outbox: 2 });
  });

  test('the indexed columns of a snapshot follow every change, also when the update leaves out those that stayed', async () => {
    const indexed = async () => store.knex('yc_instances').where({ id: 'a' }).first('status', 'process_id', 'business_key', 'parent_id');
    await store.commit(commitOf('a', 0));
    await store.commit(commitOf('a', 1));
    expect(await indexed()).toEqual({ status: 'active', process_id: 'p', business_key: 'case', parent_id: null });
    await store.commit(commitOf('a', 2, { businessKey: 'renamed', processId: 'q', definitionKey: 'q:1' }));
    expect(await indexed()).toEqual({ status: 'active', process_id: 'q', business_key: 'renamed', parent_id: null });
    await store.commit(commitOf('a', 3, { businessKey: 'renamed', processId: 'q', definitionKey: 'q:1', status: 'completed' }));
    expect(await indexed()).toEqual({ status: 'completed', process_id: 'q', business_key: 'renamed', parent_id: null });
    expect((await store.instances({ status: 'completed', processId: 'q' })).map((state) => state.id)).toEqual(['a']);
    expect(await store.instances({ status: 'active' })).toEqual([]);
  });

  test('a snapshot another process wrote meanwhile is updated whole: what this process last wrote is no guide to it', async () => {
    await store.commit(commitOf('a', 0));
    await store.knex('yc_instances').where({ id: 'a' }).update({ version: 2, status: 'suspended', business_key: 'elsewhere' });
    await store.commit(commitOf('a', 2));
    expect(await store.knex('yc_instances').where({ id: 'a' }).first('version', 'status', 'business_key')).toEqual({ version: 3, status: 'active', business_key: 'case' });
  });
});
