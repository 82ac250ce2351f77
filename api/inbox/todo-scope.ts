import type { Knex } from 'knex';
import type { Viewer } from './viewer.js';

/**
 * The open steps a person may see and do (待办), as SQL over the read model: the same rules the
 * inbox always had, each an indexed branch, so the work depends on what the person sees, never
 * on how many cases the county holds:
 * - assigned to them, or to an absent A post they back up (AB岗);
 * - a window step (首问负责) of a case they or their A post own; one without owner, to the clerks of the case's unit;
 * - a back-office step for one of their groups, handled by their unit (the case's centre, or the county for its own process);
 * - a supervisor's step, to supervisors over the case;
 * - an extension's approval, to the head of the authority that approves it (行政许可法 §42);
 * always of a case in their unit or below, and never a step assigned to someone else.
 */
export function visibleTaskIds(db: Knex, v: Viewer, only?: string): Knex.QueryBuilder {
  // Each branch is scoped by an index of its own; those not scoped by the person's own unit keep to the units they see.
  // Asked about one step (`only`), each branch looks it up by its key: otherwise the database gathers the person's
  // whole 待办 first, thousands of steps for a busy clerk, to find one (on SQLite, holding the one connection meanwhile).
  const one = (q: Knex.QueryBuilder) => (only ? q.where('task_id', only) : q);
  const seen = (q: Knex.QueryBuilder) => one(q).whereIn('org_unit_id', v.visible);
  const branches: Knex.QueryBuilder[] = [seen(db('yc_open_tasks').select('task_id').whereIn('assignee', v.people))];
  if (v.groups.includes('clerk')) {
    branches.push(seen(db('yc_open_tasks').select('task_id').whereIn('owner_id', v.people).where('window_step', true)));
    branches.push(one(db('yc_open_tasks').select('task_id').where({ org_unit_id: v.unitId, window_step: true }).whereNull('owner_id')));
  }
  // The handling unit is the case's centre or county: always one the person sees when it is their own.
  branches.push(one(db('yc_open_task_groups').select('task_id').whereIn('group_name', v.groups).where('handling_unit', v.unitId)));
  if (v.staff.roles.includes('supervisor')) {
    branches.push(seen(db('yc_open_tasks').select('task_id').whereIn('task_id', db('yc_open_task_groups').select('task_id').where('group_name', 'supervisor'))));
  }
  if (v.approves) branches.push(seen(db('yc_open_tasks').select('task_id').where({ approver_id: v.approves, head_step: true })));
  const [first, ...rest] = branches;
  return rest.length > 0 ? first!.union(rest) : first!;
}

/** The open steps a person may see (or that one, `only`), as rows of yc_open_tasks `t` to filter, sort and page further. */
export function todoRows(db: Knex, v: Viewer, only?: string): Knex.QueryBuilder {
  const rows = db('yc_open_tasks as t').whereIn('t.task_id', visibleTaskIds(db, v, only));
  return (only ? rows.where('t.task_id', only) : rows).where((q) => q.whereNull('t.assignee').orWhereIn('t.assignee', v.people));
}
