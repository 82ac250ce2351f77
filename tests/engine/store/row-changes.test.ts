import { describe, expect, test } from '@jest/globals';
import type { Effect, InstanceState } from '../../../engine/index.js';
import type { EffectBody } from '../../../engine/runtime/effects.js';
import { rowChanges } from '../../../engine/store/knex/row-changes.js';

const state: InstanceState = { id: 'i1', processId: 'p', definitionKey: 'p:1', status: 'active', seq: 9, next: 5, items: {}, vars: {}, joins: {} };

/** The rows one commit of these effects writes (no events, so at = now). */
function rowsOf(...bodies: EffectBody[]) {
  const effects = bodies.map((body, n) => ({ id: `i1:9.${n}`, ...body }) as Effect);
  return rowChanges({ instanceId: 'i1', expectedVersion: 3, state, events: [], effects, outbox: effects }, JSON.stringify(state));
}

const opened: EffectBody = { type: 'task.created', key: '2', elementId: 'review', name: 'Review', candidateGroups: ['window'], candidateUsers: [], properties: {} };

describe('the rows a commit writes, each row once', () => {
  test('a task opened and closed in one step is one closed row, its candidates kept with it', () => {
    const rows = rowsOf(opened, { type: 'task.closed', key: '2', outcome: 'cancelled' });
    expect(rows.tasks.insert).toEqual([expect.objectContaining({ id: 'i1~2', closed_at: expect.any(Number), outcome: 'cancelled' })]);
    expect(rows.tasks.change).toEqual([]);
    expect(rows.groups.insert).toEqual([{ task_id: 'i1~2', kind: 'group', name: 'window' }]);
  });

  test('a task opened and moved in one step is inserted where it moved to', () => {
    const rows = rowsOf(opened, { type: 'task.moved', key: '2', elementId: 'decide' });
    expect(rows.tasks.insert).toEqual([expect.objectContaining({ element_id: 'decide' })]);
    expect(JSON.parse(rows.tasks.insert[0]!.body)).toMatchObject({ elementId: 'decide' });
    expect(JSON.parse(rows.tasks.insert[0]!.body)).not.toHaveProperty('name');
  });

  test('an older task closed and moved in one step is one change', () => {
    const rows = rowsOf({ type: 'task.moved', key: '3', elementId: 'decide', name: 'Decide' }, { type: 'task.closed', key: '3', outcome: 'completed' });
    expect(rows.tasks.change).toEqual([{ id: 'i1~3', moved: { elementId: 'decide', name: 'Decide' }, closed: { at: expect.any(Number), outcome: 'completed' } }]);
  });

  test('a job created then cancelled is a delete; one created then failed is written with no retries', () => {
    const job: EffectBody = { type: 'job.created', key: '4', elementId: 'register', jobType: 'register', retries: 3, headers: {} };
    expect(rowsOf(job, { type: 'job.closed', key: '4', outcome: 'cancelled' }).jobs).toEqual({ upsert: [], change: [], delete: ['i1~4'] });
    expect(rowsOf(job, { type: 'job.failed', key: '4', message: 'down' }).jobs.upsert).toEqual([expect.objectContaining({ id: 'i1~4', retries: 0 })]);
  });

  test('a timer withdrawn and armed again, or a subscription opened and closed, ends as the last effect left it', () => {
    const timers = rowsOf({ type: 'timer.cancelled', key: '2', wait: 0, due: 1 }, { type: 'timer.scheduled', key: '2', wait: 0, due: 2 }).timers;
    expect(timers).toEqual({ upsert: [expect.objectContaining({ id: 'i1~2~0', due: 2 })], delete: [] });
    const subscriptions = rowsOf({ type: 'message.subscribed', key: '2', wait: 1, name: 'm' }, { type: 'message.unsubscribed', key: '2', wait: 1 }).subscriptions;
    expect(subscriptions).toEqual({ upsert: [], delete: ['i1~2~1'] });
  });

  test('the commit\'s outbox goes to the outbox, in order', () => {
    expect(rowsOf(opened, { type: 'instance.ended', status: 'completed' }).outbox.map((row) => [row.id, row.position])).toEqual([['i1:9.0', 0], ['i1:9.1', 1]]);
  });

  test('effects left out of the outbox still make their rows: only what is carried out waits in the outbox', () => {
    const effects = [opened, { type: 'timer.scheduled', key: '3', wait: 0, due: 5_000 }].map((body, n) => ({ id: `i1:9.${n}`, ...body }) as Effect);
    const rows = rowChanges({ instanceId: 'i1', expectedVersion: 3, state, events: [], effects, outbox: [effects[1]!] }, JSON.stringify(state));
    expect(rows.tasks.insert.map((row) => row.id)).toEqual(['i1~2']);
    expect(rows.timers.upsert.map((row) => row.id)).toEqual(['i1~3~0']);
    expect(rows.outbox.map((row) => [row.id, row.position])).toEqual([['i1:9.1', 0]]);
  });
});
