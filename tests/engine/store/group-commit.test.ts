import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { commitOf, rowsOf } from './commits.js';

const url = process.env.DATABASE_URL;
/** PostgreSQL only (DATABASE_URL); SQLite's group commit is sqlite-group-commit.test.ts. */
const onPostgres = url ? describe : describe.skip;

onPostgres('group commit on PostgreSQL', () => {
  let store: KnexStore;
  beforeEach(async () => {
    store = new KnexStore({ url, schema: `yc_group_${process.pid}_${Math.random().toString(36).slice(2, 8)}`, dropSchemaOnClose: true });
    await store.init();
  });
  afterEach(() => store.close());

  test('every connection runs prepared statements on generic plans (renewed by PlanGenerations, not planned at each run)', async () => {
    await Promise.all([1, 2, 3].map((n) => store.commit(commitOf(`plan-${n}`, 0))));
    const settings = await Promise.all([1, 2, 3].map(() => store.knex.raw('SHOW plan_cache_mode')));
    expect(settings.map((result) => result.rows[0].plan_cache_mode)).toEqual(['force_generic_plan', 'force_generic_plan', 'force_generic_plan']);
  });

  /** The transaction that last wrote each instance's snapshot. */
  async function writers(ids: string[]): Promise<string[]> {
    const rows = await store.knex('yc_instances').whereIn('id', ids).orderBy('id').select(store.knex.raw('xmin::text as tx'));
    return rows.map((row) => row.tx);
  }

  test('commits of several instances made at once are written in one transaction, each with its own rows', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    await Promise.all(ids.map((id) => store.commit(commitOf(id, 0))));
    expect(new Set(await writers(ids)).size).toBe(1);
    for (const id of ids) expect(await rowsOf(store, id)).toEqual({ events: 1, tasks: 1, groups: 1, outbox: 1 });
    const tasks = await Promise.all(ids.map((id) => store.tasks({ instanceId: id })));
    expect(tasks.map((open) => open.map((task) => task.id))).toEqual(ids.map((id) => [`${id}~t1`]));
  });

  test('a commit whose version check fails is refused alone: none of its rows are written, the others are', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => store.commit(commitOf(id, 0))));
    const outcomes = await Promise.allSettled([store.commit(commitOf('a', 1)), store.commit(commitOf('b', 4)), store.commit(commitOf('c', 1))]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code: string }).code : 'committed'))).toEqual(['committed', 'CONFLICT', 'committed']);
    expect(await rowsOf(store, 'b')).toEqual({ events: 1, tasks: 1, groups: 1, outbox: 1 });
    expect(await rowsOf(store, 'a')).toEqual({ events: 2, tasks: 2, groups: 2, outbox: 2 });
    const [a, c] = await writers(['a', 'c']);
    expect(a).toBe(c);
  });

  test('a commit the server refuses fails alone, and the others of its batch are written', async () => {
    const tooLong = 'x'.repeat(300);
    const outcomes = await Promise.allSettled([store.commit(commitOf('a', 0)), store.commit(commitOf('b', 0, { businessKey: tooLong })), store.commit(commitOf('c', 0))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await rowsOf(store, 'b')).toEqual({ events: 0, tasks: 0, groups: 0, outbox: 0 });
    expect(await store.load('b')).toBeUndefined();
    expect((await store.load('c'))?.version).toBe(1);
  });

  test('two commits of one instance made at once never share a statement: the second sees the first', async () => {
    await Promise.all([store.commit(commitOf('a', 0)), store.commit(commitOf('a', 1))]);
    expect((await store.load('a'))?.version).toBe(2);
    expect(await rowsOf(store, 'a')).toEqual({ events: 2, tasks: 2, groups: 2, outbox: 2 });
  });
});
