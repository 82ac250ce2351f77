import { describe, expect, test } from '@jest/globals';
import type { Knex } from 'knex';
import { startServer } from './support.js';
import { findStaff } from '../../api/org/staff.js';
import type { Viewer } from '../../api/inbox/viewer.js';
import { todoRows } from '../../api/inbox/todo-scope.js';
import { todoPage } from '../../api/inbox/todo-page.js';
import type { TodoSort } from '../../api/inbox/todo-page.js';
import { NO_DUE } from '../../api/inbox/open-tasks.js';

const UNIT = '330324-ob';
const VILLAGE = '330324-ob-ma';
const OTHER = '330324-dl';

/** A small deterministic generator, so a failure shows the same rows again. */
function numbers(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * Steps of every kind the 待办 gathers and of kinds it must not: assigned to the person, to the
 * A post they back up, to someone else; window steps owned by them, by another, unowned in their
 * unit and in another; back-office steps of their groups handled by their unit or another; due
 * dates shared by several (ties) and none at all.
 */
async function writeSteps(db: Knex, count: number): Promise<void> {
  const next = numbers(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  for (let n = 0; n < count; n++) {
    const window = next() < 0.5;
    const due = pick([Date.UTC(2026, 2, 9), Date.UTC(2026, 2, 10), Date.UTC(2026, 2, 12), undefined]);
    const taskId = `inst-${String(n).padStart(3, '0')}~${n % 3}`;
    const groups = window ? ['clerk'] : [pick(['reviewer', 'director', 'reviewer'])];
    const orgUnit = pick([UNIT, VILLAGE, OTHER]);
    // As handlingUnitOf gives it: the case's centre (a village case's township), so its staff always see the case.
    const handling = orgUnit === OTHER ? OTHER : UNIT;
    const assignee = pick([null, null, null, 's-ob-clerk-a', 's-ob-clerk-b', 's-someone']);
    await db('yc_open_tasks').insert({
      task_id: taskId, case_id: `case-${n}`, instance_id: `inst-${n}`, process_id: 'p', element_id: 'e', candidate_groups: JSON.stringify(groups),
      assignee, window_step: window, head_step: false, handling_unit: handling, org_unit_id: orgUnit,
      owner_id: window ? pick([null, 's-ob-clerk-a', 's-ob-clerk-b', 's-someone']) : null, case_no: `no-${n}`, item_code: 'i', item_name: '出生登记',
      mode: 'direct', applicant_name: pick(['王芳', '李雷']), status: 'received', received_at: Date.UTC(2026, 2, 1) + Math.floor(next() * 5) * 3_600_000,
      created_at: Date.UTC(2026, 2, 1), due_at: due ?? null, due_key: due ?? NO_DUE,
    });
    if (!window) await db('yc_open_task_groups').insert({ group_name: groups[0], handling_unit: handling, task_id: taskId, due_key: due ?? NO_DUE, assignee });
  }
}

/** Every page of the 待办, one after another, as the page asks for them. */
async function allPages(db: Knex, v: Viewer, sort: TodoSort, limit: number, filter?: (q: Knex.QueryBuilder) => Knex.QueryBuilder) {
  const rows: Array<Record<string, unknown>> = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const got = await todoPage(db, v, { sort, limit, ...(cursor ? { cursor } : {}), ...(filter ? { filter } : {}) });
    rows.push(...got.rows);
    totals.add(got.total);
    if (!got.nextCursor) return { rows, totals: [...totals] };
    cursor = got.nextCursor;
  }
  throw new Error('the pages never ended');
}

const byTimeLeft = (a: Record<string, any>, b: Record<string, any>) => Number(a.due_key) - Number(b.due_key) || String(a.task_id).localeCompare(String(b.task_id)); // eslint-disable-line @typescript-eslint/no-explicit-any
const byReceived = (a: Record<string, any>, b: Record<string, any>) => Number(b.received_at) - Number(a.received_at) || String(b.task_id).localeCompare(String(a.task_id)); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the 待办 a page at a time, from the branches\' first steps', () => {
  test('every step the inbox\'s rules give, once each, in order, with the total, whatever the sort and filter', async () => {
    const server = await startServer();
    const db = server.store.knex;
    await writeSteps(db, 120);
    const staff = (await findStaff(db, 's-ob-clerk-b'))!;
    // B post of an absent A, a clerk and a reviewer of the township: every branch but the supervisor's and the head's.
    const v: Viewer = { staff, unitId: UNIT, visible: [UNIT, VILLAGE], groups: ['clerk', 'reviewer'], people: ['s-ob-clerk-b', 's-ob-clerk-a'] };
    // The rules as one query (todo-scope.ts, which looks one step up): the same set, in the page's order.
    const expected = (await todoRows(db, v).select('t.*')) as Array<Record<string, unknown>>;
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.length).toBeLessThan(100);

    const timeLeft = await allPages(db, v, 'timeLeft', 7);
    expect(timeLeft.rows.map((r) => r.task_id)).toEqual([...expected].sort(byTimeLeft).map((r) => r.task_id));
    expect(timeLeft.totals).toEqual([expected.length]);
    // Steps without a due date come last.
    expect(timeLeft.rows.at(-1)!.due_at).toBeNull();

    const received = await allPages(db, v, 'receivedAt', 5);
    expect(received.rows.map((r) => r.task_id)).toEqual([...expected].sort(byReceived).map((r) => r.task_id));

    const wang = (q: Knex.QueryBuilder) => q.where('t.applicant_name', '王芳');
    const filtered = await allPages(db, v, 'timeLeft', 4, wang);
    const wangs = expected.filter((r) => r.applicant_name === '王芳');
    expect(wangs.length).toBeGreaterThan(0);
    expect(filtered.rows.map((r) => r.task_id)).toEqual([...wangs].sort(byTimeLeft).map((r) => r.task_id));
    expect(filtered.totals).toEqual([wangs.length]);
  });

  test('a step claimed by someone else leaves the group\'s 待办 at once: its group rows follow the step', async () => {
    const server = await startServer();
    const db = server.store.knex;
    await writeSteps(db, 40);
    const staff = (await findStaff(db, 's-ob-clerk-b'))!;
    const v: Viewer = { staff, unitId: UNIT, visible: [UNIT, VILLAGE], groups: ['reviewer'], people: ['s-ob-clerk-b'] };
    const before = await todoPage(db, v, { sort: 'timeLeft', limit: 200 });
    const step = before.rows.find((r) => r.assignee === null)!;
    expect(step).toBeDefined();
    const { syncOpenTasks } = await import('../../api/inbox/open-tasks.js');
    // The case's write claims it for someone else: the read model's rows, the step's and its groups', follow.
    await syncOpenTasks(db, {
      id: String(step.case_id), orgUnitId: String(step.org_unit_id), status: 'received', receivedAt: Number(step.received_at),
      currentSteps: [{ taskId: String(step.task_id), name: 'e', elementId: 'e', openedAt: 0, candidateGroups: ['reviewer'], processId: 'p', assignee: 's-someone' }],
    } as never);
    const after = await todoPage(db, v, { sort: 'timeLeft', limit: 200 });
    expect(after.rows.map((r) => r.task_id)).not.toContain(step.task_id);
    expect(after.total).toBe(before.total - 1);
  });
});
