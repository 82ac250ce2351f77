import type { Knex } from 'knex';
import type { Viewer } from './viewer.js';
import { decodeCursor, encodeCursor } from '../http/paging.js';
import type { Paged, SortKey } from '../http/paging.js';
import { NO_DUE } from './open-tasks.js';

export type TodoSort = 'timeLeft' | 'receivedAt';

/**
 * One way a step reaches a person's 待办 (the rules: todo-scope.ts), as a query an index keeps
 * in due order: assigned to one person they act for, a window step one of them owns, an unowned
 * window step of their unit, an unclaimed step of one of their groups in their unit, a
 * supervisor's step, an extension's approval. One person or one group per branch, so that each
 * is an equality on its index's leading columns and its first rows come in order without the
 * rest being read. A step assigned to someone is only in the first kind, so the others ask for
 * unclaimed steps, as the inbox always did (never a step someone else holds).
 */
interface Branch {
  /** The branch's steps as rows of yc_open_tasks `t`, for filters, order and the page's columns. */
  steps: () => Knex.QueryBuilder;
  /** The table whose index holds the branch in due order: `t`, or `g` for a group's steps (yc_open_task_groups). */
  order: 't' | 'g';
  /** Its step ids from its index alone, for counting when no filter needs the rows. */
  idsOnly?: () => Knex.QueryBuilder;
}

function branches(db: Knex, v: Viewer): Branch[] {
  const open = () => db('yc_open_tasks as t');
  // Branches not scoped by the person's own unit keep to the units they see.
  const seen = (q: Knex.QueryBuilder) => q.whereIn('t.org_unit_id', v.visible);
  const list: Branch[] = v.people.map((person) => ({ order: 't', steps: () => seen(open().where('t.assignee', person)) }));
  if (v.groups.includes('clerk')) {
    for (const person of v.people) list.push({ order: 't', steps: () => seen(open().where({ 't.owner_id': person, 't.window_step': true }).whereNull('t.assignee')) });
    list.push({ order: 't', steps: () => open().where({ 't.org_unit_id': v.unitId, 't.window_step': true }).whereNull('t.owner_id').whereNull('t.assignee') });
  }
  // The handling unit is the case's centre or county: always one the person sees when it is their own.
  for (const group of v.groups) {
    const unclaimed = () => db('yc_open_task_groups as g').where({ 'g.group_name': group, 'g.handling_unit': v.unitId }).whereNull('g.assignee');
    list.push({ order: 'g', steps: () => unclaimed().join('yc_open_tasks as t', 't.task_id', 'g.task_id'), idsOnly: () => unclaimed().select('g.task_id') });
  }
  if (v.staff.roles.includes('supervisor')) {
    const supervised = db('yc_open_task_groups').select('task_id').where('group_name', 'supervisor');
    list.push({ order: 't', steps: () => seen(open().whereIn('t.task_id', supervised)).whereNull('t.assignee') });
  }
  if (v.approves) list.push({ order: 't', steps: () => seen(open().where({ 't.approver_id': v.approves, 't.head_step': true })).whereNull('t.assignee') });
  return list;
}

/** A branch's sort columns: time left (the due key, soonest first) on the table whose index keeps it, or received, newest first. Pure. */
function sortOf(sort: TodoSort, order: 't' | 'g'): SortKey[] {
  return sort === 'timeLeft' ? [{ sql: `${order}.due_key` }, { sql: `${order}.task_id` }] : [{ sql: 't.received_at', desc: true }, { sql: 't.task_id', desc: true }];
}

/** Steps after the cursor's, as one row comparison so the database reads on along the index from there. */
function after(q: Knex.QueryBuilder, keys: readonly SortKey[], cursor: readonly (string | number)[] | undefined): Knex.QueryBuilder {
  if (cursor) q.whereRaw(`(??, ??) ${keys[0]!.desc ? '<' : '>'} (?, ?)`, [keys[0]!.sql, keys[1]!.sql, cursor[0]!, cursor[1]!]);
  for (const key of keys) q.orderBy(key.sql, key.desc ? 'desc' : 'asc');
  return q;
}

function unionOf(parts: Knex.QueryBuilder[]): Knex.QueryBuilder {
  const [first, ...rest] = parts;
  return rest.length > 0 ? first!.union(rest) : first!;
}

export interface TodoPaging {
  sort: TodoSort;
  cursor?: string;
  limit: number;
  /** Conditions on the step's columns (`t`), if the person filtered. */
  filter?: (q: Knex.QueryBuilder) => Knex.QueryBuilder;
}

/**
 * A page of a person's 待办, rows of yc_open_tasks, with its total. Each branch gives its first
 * steps after the cursor in the page's order (no more than a page), and the page is the first of
 * those; the total counts the branches' steps once each. Neither reads the steps beyond the page:
 * the work follows the page and what the person may see, not the county's open cases.
 */
export async function todoPage(db: Knex, v: Viewer, paging: TodoPaging): Promise<Paged<Record<string, unknown>>> {
  const list = branches(db, v);
  const filter = paging.filter ?? ((q: Knex.QueryBuilder) => q);
  const counted = list.map((b) => (!paging.filter && b.idsOnly ? b.idsOnly() : filter(b.steps()).select('t.task_id')));
  const total = Number((await db.count({ n: '*' }).from(unionOf(counted).as('todo')).first())?.n ?? 0);
  const outer = sortOf(paging.sort, 't');
  const cursor = paging.cursor ? decodeCursor(paging.cursor, outer) : undefined;
  const firsts = list.map((b, i) => db.select('task_id').from(after(filter(b.steps()).select('t.task_id'), sortOf(paging.sort, b.order), cursor).limit(paging.limit + 1).as(`b${i}`)));
  const rows: Record<string, unknown>[] = await after(db('yc_open_tasks as t').select('t.*').whereIn('t.task_id', unionOf(firsts)), outer, undefined).limit(paging.limit + 1);
  const more = rows.length > paging.limit;
  const shown = more ? rows.slice(0, paging.limit) : rows;
  const last = shown[shown.length - 1];
  return { rows: shown, total, nextCursor: more && last ? encodeCursor(keyOf(last, paging.sort)) : null };
}

/** A row's place in the order, as its cursor holds it. Pure. */
function keyOf(row: Record<string, unknown>, sort: TodoSort): [number, string] {
  const first = sort === 'timeLeft' ? Number(row.due_key ?? NO_DUE) : Number(row.received_at);
  return [first, String(row.task_id)];
}
