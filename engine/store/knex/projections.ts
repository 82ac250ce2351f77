import type { Knex } from 'knex';
import type { Effect } from '../../runtime/effects.js';
import type { InstanceState } from '../../runtime/state.js';
import { itemId } from '../projections.js';

/**
 * Keeps the projection tables in step with a commit's effects, inside its transaction:
 * the same read models the memory store keeps in maps.
 */
export async function project(trx: Knex.Transaction, state: InstanceState, effects: readonly Effect[], at: number): Promise<void> {
  for (const effect of effects) await projectOne(trx, state, effect, at);
}

async function projectOne(trx: Knex.Transaction, state: InstanceState, effect: Effect, at: number): Promise<void> {
  const id = (key: string) => itemId(state.id, key);
  switch (effect.type) {
    case 'task.created': return openTask(trx, state, effect, at);
    case 'task.closed':
      await trx('yc_tasks').where({ id: id(effect.key) }).update({ closed_at: at, outcome: effect.outcome });
      await trx('yc_task_groups').where({ task_id: id(effect.key) }).delete();
      return;
    case 'task.moved': {
      const row = await trx('yc_tasks').where({ id: id(effect.key) }).first('body');
      if (!row) return;
      const body = { ...JSON.parse(row.body), elementId: effect.elementId, name: effect.name };
      await trx('yc_tasks').where({ id: id(effect.key) }).update({ element_id: effect.elementId, body: JSON.stringify(body) });
      return;
    }
    case 'job.moved':
      await trx('yc_jobs').where({ id: id(effect.key) }).update({ element_id: effect.elementId });
      return;
    case 'job.created':
      await trx('yc_jobs').where({ id: id(effect.key) }).delete();
      await trx('yc_jobs').insert({
        id: id(effect.key), instance_id: state.id, item_key: effect.key, element_id: effect.elementId, type: effect.jobType,
        retries: effect.retries, headers: JSON.stringify(effect.headers), locked_until: effect.availableAt ?? 0,
      });
      return;
    case 'job.failed':
      await trx('yc_jobs').where({ id: id(effect.key) }).update({ retries: 0 });
      return;
    case 'job.closed':
      await trx('yc_jobs').where({ id: id(effect.key) }).delete();
      return;
    case 'message.subscribed':
    case 'signal.subscribed':
      await trx('yc_subscriptions').insert({
        id: `${id(effect.key)}/${effect.wait}`, kind: effect.type === 'message.subscribed' ? 'message' : 'signal', name: effect.name,
        correlation_key: effect.type === 'message.subscribed' ? effect.correlationKey ?? '' : '',
        instance_id: state.id, item_key: effect.key, wait: effect.wait, created_seq: state.seq,
      });
      return;
    case 'message.unsubscribed':
    case 'signal.unsubscribed':
      await trx('yc_subscriptions').where({ id: `${id(effect.key)}/${effect.wait}` }).delete();
      return;
    case 'timer.scheduled':
      await trx('yc_timers').where({ id: `${id(effect.key)}/${effect.wait}` }).delete();
      await trx('yc_timers').insert({ id: `${id(effect.key)}/${effect.wait}`, instance_id: state.id, item_key: effect.key, wait: effect.wait, due: effect.due });
      return;
    case 'timer.cancelled':
      await trx('yc_timers').where({ id: `${id(effect.key)}/${effect.wait}` }).delete();
      return;
    default:
      return;
  }
}

async function openTask(trx: Knex.Transaction, state: InstanceState, effect: Extract<Effect, { type: 'task.created' }>, at: number): Promise<void> {
  const taskId = itemId(state.id, effect.key);
  const { type: _type, id: _id, key: _key, ...body } = effect;
  await trx('yc_tasks').insert({
    id: taskId, instance_id: state.id, process_id: state.processId, element_id: effect.elementId,
    assignee: effect.assignee ?? null, body: JSON.stringify(body), created_at: at,
  });
  const groups = [
    ...effect.candidateGroups.map((name) => ({ task_id: taskId, kind: 'group', name })),
    ...effect.candidateUsers.map((name) => ({ task_id: taskId, kind: 'user', name })),
  ];
  if (groups.length > 0) await trx('yc_task_groups').insert(groups);
}
