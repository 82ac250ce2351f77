import type { JobChange, TaskChange } from './row-changes.js';
import { WRITTEN, fromExcluded, insert, remove, unnest } from './pg-rows-sql.js';
import type { RowPart } from './pg-rows-sql.js';
import { EVENT, GROUP, JOB, OUTBOX, SUBSCRIPTION, TASK, TIMER } from './columns.js';
import type { Column } from './columns.js';

/** A task closed, moved to another element (its body's name follows), assigned (its body's assignee follows), or several. */
const TASK_CHANGE: Array<Column<TaskChange>> = [
  ['id', 'text', (c) => c.id], ['closed_at', 'int8', (c) => c.closed?.at ?? null], ['outcome', 'text', (c) => c.closed?.outcome ?? null],
  ['moved_to', 'text', (c) => c.moved?.elementId ?? null], ['moved_name', 'text', (c) => c.moved?.name ?? null],
  ['reassigned', 'bool', (c) => c.assigned !== undefined], ['assigned_to', 'text', (c) => c.assigned?.assignee ?? null],
];
const changeTasks: RowPart<TaskChange> = {
  name: 'changed_tasks', rows: (c) => c.tasks.change,
  sql: (p, all) => `UPDATE yc_tasks t SET
    closed_at = COALESCE(r.closed_at, t.closed_at), outcome = CASE WHEN r.closed_at IS NULL THEN t.outcome ELSE r.outcome END,
    element_id = COALESCE(r.moved_to, t.element_id),
    assignee = CASE WHEN r.reassigned THEN r.assigned_to ELSE t.assignee END,
    body = CASE WHEN r.moved_to IS NULL AND NOT r.reassigned THEN t.body ELSE (CASE WHEN r.moved_to IS NULL THEN t.body::jsonb ELSE ((t.body::jsonb - 'name') || jsonb_build_object('elementId', r.moved_to)
      || jsonb_strip_nulls(jsonb_build_object('name', r.moved_name))) END
      - (CASE WHEN r.reassigned THEN 'assignee' ELSE '' END)
      || (CASE WHEN r.reassigned THEN jsonb_strip_nulls(jsonb_build_object('assignee', r.assigned_to)) ELSE '{}'::jsonb END))::text END
    FROM ${unnest(p, all, TASK_CHANGE)} WHERE t.id = r.id AND ${WRITTEN}`,
};

const JOB_CHANGE: Array<Column<JobChange>> = [['id', 'text', (c) => c.id], ['retries', 'int', (c) => c.retries ?? null], ['element_id', 'text', (c) => c.elementId ?? null]];
const changeJobs: RowPart<JobChange> = {
  name: 'changed_jobs', rows: (c) => c.jobs.change,
  sql: (p, all) => `UPDATE yc_jobs t SET retries = COALESCE(r.retries, t.retries), element_id = COALESCE(r.element_id, t.element_id)
    FROM ${unnest(p, all, JOB_CHANGE)} WHERE t.id = r.id AND ${WRITTEN}`,
};

/** Every kind of row a commit writes besides its snapshot; rows of one kind change at most once per commit (see RowChanges). */
export const ROW_PARTS: Array<RowPart<any>> = [ // eslint-disable-line @typescript-eslint/no-explicit-any
  insert('events', 'yc_events', (c) => c.events, EVENT),
  insert('new_tasks', 'yc_tasks', (c) => c.tasks.insert, TASK),
  changeTasks,
  insert('groups', 'yc_task_groups', (c) => c.groups.insert, GROUP),
  insert('jobs', 'yc_jobs', (c) => c.jobs.upsert, JOB, fromExcluded(JOB)),
  changeJobs,
  remove('gone_jobs', 'yc_jobs', (c) => c.jobs.delete),
  insert('subscriptions', 'yc_subscriptions', (c) => c.subscriptions.upsert, SUBSCRIPTION, fromExcluded(SUBSCRIPTION)),
  remove('gone_subscriptions', 'yc_subscriptions', (c) => c.subscriptions.delete),
  insert('timers', 'yc_timers', (c) => c.timers.upsert, TIMER, fromExcluded(TIMER)),
  remove('gone_timers', 'yc_timers', (c) => c.timers.delete),
  insert('outbox', 'yc_outbox', (c) => c.outbox, OUTBOX),
];
