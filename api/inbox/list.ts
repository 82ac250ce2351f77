import type { Knex } from 'knex';
import type { WorkingCalendar } from '../../engine/index.js';
import { atLocalTime, endOfLocalDay } from '../../engine/calendar/index.js';
import type { LocalDate } from '../../engine/calendar/index.js';
import type { CaseRecord, CaseStatus } from '../cases/types.js';
import { CLOSED_STATUSES } from '../cases/types.js';
import { page } from '../http/paging.js';
import type { SortKey } from '../http/paging.js';
import type { Viewer } from './viewer.js';
import { todoPage } from './todo-page.js';
import { NO_DUE } from './open-tasks.js';
import { timeStanding, whereTimeState } from './time-state.js';
import type { TimeState } from './time-state.js';
import { CHINA_TIME } from '../calendar/china-time.js';

export const INBOX_TABS = ['todo', 'done', 'mine', 'closed'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export interface InboxQuery {
  tab: InboxTab;
  itemCode?: string;
  mode?: string;
  applicant?: string;
  caseNo?: string;
  from?: LocalDate;
  to?: LocalDate;
  timeState?: TimeState;
  sort: 'timeLeft' | 'receivedAt';
  cursor?: string;
  limit: number;
}

interface Person { id: string; name: string }

/** One row of the inbox, whichever tab: a step (待办, 已办) or a case (我受理的, 办结). */
export interface InboxRow {
  taskId: string | null;
  caseId: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  applicantName: string;
  mode: string;
  stepName: string | null;
  formKey: string | null;
  holder: Person | null;
  candidateGroups: string[];
  takenOverFrom: Person | null;
  receivedAt: number;
  dueAt: number | null;
  workingDaysLeft: number | null;
  timeState: TimeState | null;
  status: CaseStatus;
  extension?: { id: string; days: number; reason: string; requestedBy: string; requestedAt: number };
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

/** The columns each list filters on: the step's read model `t`, or the case `c` with its item `i`. */
interface Columns { itemCode: string; mode: string; applicant: string; caseNo: string; receivedAt: string; due: string; statutory: string; unique: string[] }

const STEP: Columns = { itemCode: 't.item_code', mode: 't.mode', applicant: 't.applicant_name', caseNo: 't.case_no', receivedAt: 't.received_at', due: 't.due_at', statutory: 't.statutory_due_at', unique: ['t.task_id'] };
const CASE: Columns = { itemCode: 'c.item_code', mode: 'i.mode', applicant: 'c.applicant_name', caseNo: 'c.id', receivedAt: 'c.received_at', due: 'c.due_at', statutory: 'c.statutory_due_at', unique: ['c.id'] };
const DONE: Columns = { ...CASE, unique: ['l.case_id', 'l.seq'] };

function filtered(q: Knex.QueryBuilder, cols: Columns, f: InboxQuery, cal: WorkingCalendar, now: number): Knex.QueryBuilder {
  if (f.itemCode) q.where(cols.itemCode, f.itemCode);
  if (f.mode) q.where(cols.mode, f.mode);
  // The applicant's name as typed may hold % or _: they are matched as themselves.
  if (f.applicant) q.whereRaw(`${cols.applicant} like ? escape '!'`, [`%${f.applicant.replace(/[!%_]/g, (ch) => `!${ch}`)}%`]);
  if (f.caseNo) q.where(cols.caseNo, f.caseNo);
  if (f.from) q.where(cols.receivedAt, '>=', atLocalTime(CHINA_TIME, f.from));
  if (f.to) q.where(cols.receivedAt, '<=', endOfLocalDay(CHINA_TIME, f.to));
  if (f.timeState) whereTimeState(q, f.timeState, cal, now, cols.due, cols.statutory);
  return q;
}

/** Whether the person narrowed the list by any of its filters. Pure. */
function isFiltered(f: InboxQuery): boolean {
  return Boolean(f.itemCode || f.mode || f.applicant || f.caseNo || f.from || f.to || f.timeState);
}

function sortKeys(cols: Columns, sort: InboxQuery['sort']): SortKey[] {
  const desc = sort === 'receivedAt';
  const first = sort === 'timeLeft' ? { sql: `coalesce(${cols.due}, ${NO_DUE})` } : { sql: cols.receivedAt, desc: true };
  return [first, ...cols.unique.map((sql) => ({ sql, desc }))];
}

const firstKey = (r: Row, sort: InboxQuery['sort']): number => (sort === 'timeLeft' ? num(r.due_at) ?? NO_DUE : Number(r.received_at));

/** A page of one tab of a person's inbox, with its total; every tab one indexed query and a count. */
export async function listInbox(db: Knex, v: Viewer, f: InboxQuery, cal: WorkingCalendar, now: number): Promise<{ rows: InboxRow[]; total: number; nextCursor: string | null }> {
  if (f.tab === 'todo') {
    const got = await todoPage(db, v, { sort: f.sort, cursor: f.cursor, limit: f.limit, ...(isFiltered(f) ? { filter: (q: Knex.QueryBuilder) => filtered(q, STEP, f, cal, now) } : {}) });
    return { ...got, rows: await stepRows(db, v, got.rows as Row[], cal, now) };
  }
  const cases = db('yc_cases as c').leftJoin('yc_items as i', 'i.code', 'c.item_code');
  if (f.tab === 'done') {
    const q = filtered(cases.join('yc_case_log as l', 'l.case_id', 'c.id').where({ 'l.actor_id': v.staff.id, 'l.action': 'step-done' })
      .select('c.*', 'i.name as item_name', 'i.mode as mode', 'l.seq as log_seq', 'l.body as log_body'), DONE, f, cal, now);
    const got = await page<Row>(db, q, sortKeys(DONE, f.sort), f, (r) => [firstKey(r, f.sort), r.id, Number(r.log_seq)]);
    return { ...got, rows: await caseRows(db, got.rows, cal, now) };
  }
  const scoped = f.tab === 'mine' ? cases.where('c.owner_id', v.staff.id)
    : cases.whereIn('c.status', [...CLOSED_STATUSES]).where((w) => w.whereIn('c.org_unit_id', v.visible).orWhereIn('c.agent_unit_id', v.visible));
  const q = filtered(scoped.select('c.*', 'i.name as item_name', 'i.mode as mode'), CASE, f, cal, now);
  if (f.timeState) q.whereNotIn('c.status', [...CLOSED_STATUSES]);
  const got = await page<Row>(db, q, sortKeys(CASE, f.sort), f, (r) => [firstKey(r, f.sort), r.id]);
  return { ...got, rows: await caseRows(db, got.rows, cal, now) };
}

/** The names of the people a page mentions, in one query. */
async function namesOf(db: Knex, ids: ReadonlyArray<string | null | undefined>): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const rows: Row[] = wanted.length > 0 ? await db('yc_staff').whereIn('id', wanted).select('id', 'name') : [];
  return new Map(rows.map((r) => [r.id as string, { id: r.id as string, name: r.name as string }]));
}

/** Another person among those one acts for (AB岗): whose step this is, taken over. Pure. */
const takenOver = (v: Viewer, names: Map<string, Person>, id: string | null | undefined): Person | null =>
  id && id !== v.staff.id && v.people.includes(id) ? names.get(id) ?? { id, name: id } : null;

async function stepRows(db: Knex, v: Viewer, rows: Row[], cal: WorkingCalendar, now: number): Promise<InboxRow[]> {
  // Whose step it is: its assignee, or a window step's first-ask owner (首问负责); the holder is only who claimed it
  // (none: 待认领, and the page offers 认领), so the B post sees an absent A's steps as A's, taken over.
  const whoseOf = (r: Row): string | null => r.assignee ?? (r.window_step ? r.owner_id : null) ?? null;
  const names = await namesOf(db, rows.flatMap((r) => [whoseOf(r), r.assignee ?? null]));
  const heads = rows.filter((r) => r.head_step).map((r) => r.case_id as string);
  const pending: Row[] = heads.length > 0 ? await db('yc_extensions').whereIn('case_id', heads).where({ status: 'pending' }) : [];
  return rows.map((r) => {
    const holder: string | null = r.assignee ?? null;
    const asked = pending.find((e) => e.case_id === r.case_id);
    return {
      taskId: r.task_id, caseId: r.case_id, caseNo: r.case_no, itemCode: r.item_code, itemName: r.item_name, applicantName: r.applicant_name, mode: r.mode,
      stepName: r.step_name ?? r.element_id, formKey: r.form_key ?? null, holder: holder ? names.get(holder) ?? { id: holder, name: holder } : null,
      candidateGroups: JSON.parse(r.candidate_groups) as string[], takenOverFrom: takenOver(v, names, whoseOf(r)), receivedAt: Number(r.received_at),
      dueAt: num(r.due_at) ?? null, ...timeStanding(cal, now, num(r.due_at), num(r.statutory_due_at)), status: r.status,
      ...(asked ? { extension: { id: asked.id, days: asked.days, reason: asked.reason, requestedBy: asked.requested_by, requestedAt: Number(asked.requested_at) } } : {}),
    };
  });
}

async function caseRows(db: Knex, rows: Row[], cal: WorkingCalendar, now: number): Promise<InboxRow[]> {
  const done = (r: Row) => (r.log_body ? JSON.parse(r.log_body) as { taskId?: string; step?: string; onBehalfOf?: string } : undefined);
  const names = await namesOf(db, rows.flatMap((r) => [r.owner_id, done(r)?.onBehalfOf]));
  return rows.map((r) => {
    const c = JSON.parse(r.body) as CaseRecord;
    const did = done(r);
    const step = did ? undefined : c.currentSteps[0];
    const open = !CLOSED_STATUSES.includes(c.status);
    return {
      taskId: did?.taskId ?? step?.taskId ?? null, caseId: c.id, caseNo: c.caseNo, itemCode: c.itemCode, itemName: r.item_name ?? c.itemName, applicantName: c.applicant.name,
      mode: r.mode ?? '', stepName: did?.step ?? step?.name ?? null, formKey: did ? null : step?.formKey ?? null,
      holder: c.ownerId ? names.get(c.ownerId) ?? { id: c.ownerId, name: c.ownerId } : null, candidateGroups: step?.candidateGroups ?? [],
      takenOverFrom: did?.onBehalfOf ? names.get(did.onBehalfOf) ?? { id: did.onBehalfOf, name: did.onBehalfOf } : null,
      receivedAt: c.receivedAt, dueAt: open ? c.dueAt ?? null : null,
      ...(open ? timeStanding(cal, now, c.dueAt, c.statutoryDueAt) : { workingDaysLeft: null, timeState: null }), status: c.status,
    };
  });
}
