import { afterEach, describe, expect, test } from '@jest/globals';
import type { Effect, InstanceState } from '../../../engine/index.js';
import type { EffectBody } from '../../../engine/runtime/effects.js';
import type { Commit } from '../../../engine/store/types.js';
import { KnexStore } from '../../../engine/store/knex/store.js';

const url = process.env.DATABASE_URL;
const onPostgres = url ? describe : describe.skip;

/** Three steps of one instance that touch every kind of row: opened, changed, moved, closed, deleted. */
const STEPS: EffectBody[][] = [
  [
    { type: 'task.created', key: 't', elementId: 'review', name: 'Review', candidateGroups: ['window'], candidateUsers: ['li'], properties: {} },
    { type: 'task.created', key: 'u', elementId: 'check', candidateGroups: [], candidateUsers: [], properties: {} },
    { type: 'job.created', key: 'j', elementId: 'register', jobType: 'register', retries: 3, headers: { a: 'b' } },
    { type: 'job.created', key: 'k', elementId: 'notify', jobType: 'notify', retries: 1, headers: {} },
    { type: 'message.subscribed', key: 'm', wait: 1, name: 'paid', correlationKey: 'case-1' },
    { type: 'timer.scheduled', key: 'x', wait: 1, due: 5_000 },
  ],
  [
    { type: 'task.moved', key: 't', elementId: 'decide', name: 'Decide' },
    { type: 'task.closed', key: 'u', outcome: 'completed' },
    { type: 'job.failed', key: 'j', message: 'down' },
    { type: 'job.moved', key: 'j', elementId: 'register-again' },
    { type: 'message.unsubscribed', key: 'm', wait: 1 },
    { type: 'timer.cancelled', key: 'x', wait: 1 },
    { type: 'signal.subscribed', key: 's', wait: 2, name: 'recall' },
    { type: 'timer.scheduled', key: 'y', wait: 2, due: 9_000 },
  ],
  [
    { type: 'task.moved', key: 't', elementId: 'issue' },
    { type: 'task.closed', key: 't', outcome: 'cancelled' },
    { type: 'job.closed', key: 'k', outcome: 'cancelled' },
    { type: 'signal.unsubscribed', key: 's', wait: 2 },
  ],
];

function step(id: string, version: number): Commit {
  const seq = version + 1;
  const state: InstanceState = { id, processId: 'p', definitionKey: 'p:1', status: 'active', seq, next: seq + 1, items: {}, vars: {}, joins: {} };
  const effects = STEPS[version]!.map((body, n) => ({ id: `${id}:${seq}.${n}`, ...body }) as Effect);
  return {
    instanceId: id, expectedVersion: version, state,
    events: [{ seq, at: 1_000 * seq, type: 'started', body: `{"step":${seq},"text":"办件 \\"quoted\\" {braces}"}`, prev: `p${seq}`, hash: `h${id}${seq}` }],
    effects, outbox: effects,
  };
}

const TABLES: Record<string, string[]> = {
  yc_instances: ['id', 'version', 'status', 'state', 'last_hash', 'updated_at'],
  yc_events: ['instance_id', 'seq', 'at', 'type', 'body', 'prev', 'hash'],
  yc_tasks: ['id', 'instance_id', 'element_id', 'assignee', 'body', 'closed_at', 'outcome'],
  yc_task_groups: ['task_id', 'kind', 'name'],
  yc_jobs: ['id', 'instance_id', 'item_key', 'element_id', 'type', 'retries', 'headers', 'locked_until', 'worker'],
  yc_subscriptions: ['id', 'kind', 'name', 'correlation_key', 'instance_id', 'item_key', 'wait', 'created_seq'],
  yc_timers: ['id', 'instance_id', 'item_key', 'wait', 'due'],
  yc_outbox: ['id', 'instance_id', 'position', 'body'],
};

/** Every row of the engine's tables, bigints as numbers and task bodies parsed (PostgreSQL rewrites their JSON text). */
async function contents(store: KnexStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, columns] of Object.entries(TABLES)) {
    const rows = await store.knex(table).select(columns).orderBy(columns.slice(0, 2));
    out[table] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, normal(table, k, v)])));
  }
  return out;
}

function normal(table: string, column: string, value: unknown): unknown {
  if (table === 'yc_tasks' && column === 'body') return JSON.parse(String(value));
  return typeof value === 'string' && /^(at|due|closed_at|locked_until|updated_at)$/.test(column) ? Number(value) : value;
}

onPostgres('a batch of commits on PostgreSQL', () => {
  const stores: KnexStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  test('leaves every table as SQLite does when the same commits are written one by one', async () => {
    const postgres = new KnexStore({ url, schema: `yc_equiv_${process.pid}_${Math.random().toString(36).slice(2, 8)}`, dropSchemaOnClose: true });
    const sqlite = new KnexStore();
    stores.push(postgres, sqlite);
    await Promise.all([postgres.init(), sqlite.init()]);
    const ids = ['a', 'b', 'c'];
    for (let version = 0; version < STEPS.length; version++) {
      await Promise.all(ids.map((id) => postgres.commit(step(id, version))));
      for (const id of ids) await sqlite.commit(step(id, version));
    }
    const expected = await contents(sqlite);
    expect(expected.yc_tasks).toHaveLength(6);
    expect(expected.yc_jobs).toEqual(ids.map((id) => expect.objectContaining({ id: `${id}~j`, element_id: 'register-again', retries: 0 })));
    expect(await contents(postgres)).toEqual(expected);
  });
});
