import type { Knex } from 'knex';
import type { OpenTask, PendingJob, Subscription, TaskQuery } from '../types.js';
import type { PgStatement } from './pg-direct.js';

/** A row as the driver returns it: column name to value (types differ by driver, e.g. bigint as string on pg). */
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const TASK_COLUMNS = ['id', 'instance_id', 'process_id', 'body', 'created_at'];

/**
 * The open tasks of one instance, which callers ask for after every step, as one prepared
 * PostgreSQL statement: its plan, an equality on the index of open tasks, suits every instance.
 */
export function openTasksOfInstance(instanceId: string): PgStatement {
  return {
    name: 'yc_open_tasks_of_instance',
    text: `SELECT ${TASK_COLUMNS.join(', ')} FROM yc_tasks WHERE instance_id = $1 AND closed_at IS NULL ORDER BY created_at, id`,
    values: [instanceId],
  };
}

/** The open tasks of several instances, in the same order per instance. Pure. */
export function openTasksOfInstances(instanceIds: string[]): PgStatement {
  return {
    name: 'yc_open_tasks_of_instances',
    text: `SELECT ${TASK_COLUMNS.join(', ')} FROM yc_tasks WHERE instance_id = ANY($1::text[]) AND closed_at IS NULL ORDER BY created_at, id`,
    values: [instanceIds],
  };
}

/** Open tasks matching a query, candidate group and user through the side table. */
export function taskQuery(knex: Knex, query: TaskQuery): Knex.QueryBuilder {
  const q = knex('yc_tasks').select(TASK_COLUMNS).whereNull('closed_at').orderBy('created_at').orderBy('id');
  if (query.instanceId) q.where({ instance_id: query.instanceId });
  if (query.processId) q.where({ process_id: query.processId });
  if (query.elementId) q.where({ element_id: query.elementId });
  if (query.assignee) q.where({ assignee: query.assignee });
  const member = (kind: string, name: string) => q.whereIn('id', knex('yc_task_groups').select('task_id').where({ kind, name }));
  if (query.candidateGroup) member('group', query.candidateGroup);
  if (query.candidateUser) member('user', query.candidateUser);
  return q;
}

export function toTask(row: Row): OpenTask {
  const body = JSON.parse(row.body) as Omit<OpenTask, 'id' | 'instanceId' | 'processId' | 'createdAt'>;
  return { ...body, id: row.id, instanceId: row.instance_id, processId: row.process_id, createdAt: Number(row.created_at) };
}

export function toJob(row: Row): PendingJob {
  return {
    id: row.id, instanceId: row.instance_id, key: row.item_key, elementId: row.element_id, type: row.type,
    retries: row.retries, headers: JSON.parse(row.headers), lockedUntil: Number(row.locked_until), worker: row.worker ?? undefined,
  };
}

export function toSubscription(row: Row): Subscription {
  return {
    instanceId: row.instance_id, key: row.item_key, wait: row.wait, name: row.name,
    correlationKey: row.correlation_key === '' ? undefined : row.correlation_key, createdSeq: row.created_seq,
  };
}
