import { z } from 'zod';
import type { Knex } from 'knex';
import { workingDaysBetween } from '../../engine/index.js';
import { localDate } from '../../engine/calendar/index.js';
import { CHINA_TIME } from '../calendar/china-time.js';
import type { Engine } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from '../cases/types.js';
import { CLOSED_STATUSES } from '../cases/types.js';
import type { InboxTask } from '../cases/inbox.js';
import { inbox } from '../cases/inbox.js';
import { casesIn, findCase } from '../cases/repository.js';
import { listItems } from '../catalog/catalog.js';
import { actingFor, findStaff } from '../org/staff.js';
import { inboxFilterSchema } from '../inbox-views/filter.js';
import type { InboxFilter } from '../inbox-views/filter.js';
import type { LiveCalendar } from '../time-limits/timed-update.js';
import { scopeOf } from './scope.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { instant } from './instant.js';

/*
 * A minimal GET /inbox over the existing inbox() (the list the page reads: tabs, filters, sort,
 * a page at a time). Another branch builds the fast one with the same contract; this file is
 * meant to be replaced by it whole.
 */

const person = z.object({ id: z.string(), name: z.string() });
const rowSchema = z.object({
  taskId: z.string().nullable(), caseId: z.string(), caseNo: z.string(), itemCode: z.string(), itemName: z.string(), applicantName: z.string(),
  mode: z.string(), stepName: z.string().nullable(), formKey: z.string().nullable(), holder: person.nullable(), candidateGroups: z.array(z.string()),
  takenOverFrom: person.nullable(), receivedAt: instant, dueAt: instant.nullable(), workingDaysLeft: z.number().int().nullable(),
  timeState: z.enum(['normal', 'yellow', 'red', 'overdue']).nullable(), status: z.string(),
  extension: z.object({ id: z.string(), days: z.number(), reason: z.string() }).optional(),
});
type Row = z.infer<typeof rowSchema>;
type Names = (id: string | undefined) => Promise<{ id: string; name: string } | null>;
/** A row's case part: what every tab shows of a case. */
type CasePart = Omit<Row, 'taskId' | 'stepName' | 'formKey' | 'holder' | 'candidateGroups' | 'takenOverFrom'>;
type Base = (c: CaseRecord, dueAt: number | undefined) => CasePart;

const workers = ['clerk', 'reviewer', 'director', 'supervisor', 'authority-head'] as const;

/** 剩余工作日 to a time state: overdue past the day, red on the last day, yellow with one or two left. Pure. */
function timeStateOf(days: number | null): Row['timeState'] {
  if (days === null) return null;
  return days < 0 ? 'overdue' : days === 0 ? 'red' : days <= 2 ? 'yellow' : 'normal';
}

export function inboxRoutes(db: Knex, engine: Engine): AnyRoute[] {
  return [route({
    method: 'get', path: '/inbox', summary: '我的待办列表（待办、已办、我受理的、办结；筛选、排序、分页）', tags: ['tasks'], roles: workers,
    query: inboxFilterSchema.extend({ cursor: z.string().regex(/^\d+$/).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: z.object({ rows: z.array(rowSchema), total: z.number().int(), nextCursor: z.string().nullable() }),
    handler: async ({ staff, query }) => {
      const rows = filtered(await rowsOf(db, engine, staff!, query.tab ?? 'todo'), query);
      const start = Number(query.cursor ?? 0);
      const end = start + query.limit;
      return { rows: rows.slice(start, end), total: rows.length, nextCursor: end < rows.length ? String(end) : null };
    },
  })];
}

async function rowsOf(db: Knex, engine: Engine, staff: Staff, tab: NonNullable<InboxFilter['tab']>): Promise<Row[]> {
  const calendar = engine.calendar as LiveCalendar;
  await calendar.refresh?.();
  const now = engine.clock.now();
  const modes = new Map((await listItems(db)).map((item) => [item.code, item.mode as string]));
  const cache = new Map<string, { id: string; name: string } | null>();
  const names: Names = async (id) => {
    if (!id) return null;
    if (!cache.has(id)) { const s = await findStaff(db, id); cache.set(id, s ? { id: s.id, name: s.name } : null); }
    return cache.get(id)!;
  };
  const base: Base = (c, dueAt) => {
    const days = dueAt === undefined || CLOSED_STATUSES.includes(c.status) ? null : workingDaysBetween(calendar, now, dueAt);
    return {
      caseId: c.id, caseNo: c.caseNo, itemCode: c.itemCode, itemName: c.itemName, applicantName: c.applicant.name, mode: modes.get(c.itemCode) ?? '',
      receivedAt: c.receivedAt, dueAt: dueAt ?? null, workingDaysLeft: days, timeState: timeStateOf(days), status: c.status,
    };
  };
  if (tab === 'todo') return todoRows(db, engine, staff, base, names);
  const cases = await casesIn(db, await scopeOf(db, staff));
  if (tab === 'mine') return Promise.all(cases.filter((c) => c.ownerId === staff.id && !CLOSED_STATUSES.includes(c.status)).map(async (c) => caseRow(c, base, names)));
  if (tab === 'closed') return Promise.all(cases.filter((c) => c.ownerId === staff.id && CLOSED_STATUSES.includes(c.status)).map(async (c) => caseRow(c, base, names)));
  const done = await db('yc_case_log').where({ actor_id: staff.id, action: 'step-done' }).orderBy('at', 'desc').select('case_id', 'body');
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const line of done) {
    if (seen.has(line.case_id)) continue;
    seen.add(line.case_id);
    const c = await findCase(db, line.case_id);
    if (c) rows.push({ ...(await caseRow(c, base, names)), stepName: (JSON.parse(line.body) as { step?: string }).step ?? null });
  }
  return rows;
}

async function caseRow(c: CaseRecord, base: Base, names: Names): Promise<Row> {
  const step = c.currentSteps[0];
  return { ...base(c, step?.dueAt ?? c.dueAt ?? c.acceptanceDueAt), taskId: null, stepName: step?.name ?? null, formKey: null, holder: await names(c.ownerId), candidateGroups: [], takenOverFrom: null };
}

async function todoRows(db: Knex, engine: Engine, staff: Staff, base: Base, names: Names): Promise<Row[]> {
  const acting = new Set(await actingFor(db, staff));
  const rows: Row[] = [];
  for (const task of await inbox(db, engine, staff)) {
    const c = await findCase(db, task.caseId);
    if (!c) continue;
    // 代X办理: the step is an absent A's (assigned to them, or a window step of a case they own) and I am their B.
    const heldBy = task.assignee ?? (isWindowStep(task) ? c.ownerId : undefined);
    const takenOver = heldBy && heldBy !== staff.id && acting.has(heldBy) ? await names(heldBy) : null;
    rows.push({
      ...base(c, task.dueAt ?? c.acceptanceDueAt), taskId: task.id, stepName: task.name ?? task.elementId, formKey: task.formKey ?? null,
      holder: await names(task.assignee), candidateGroups: task.candidateGroups, takenOverFrom: takenOver,
      ...(task.extension ? { extension: { id: task.extension.id, days: task.extension.days, reason: task.extension.reason } } : {}),
    });
  }
  return rows;
}

function isWindowStep(task: InboxTask): boolean {
  return task.candidateGroups.length === 1 && task.candidateGroups[0] === 'clerk';
}

/** The filters and the order a person chose. Pure. */
function filtered(rows: Row[], f: InboxFilter): Row[] {
  const day = (ms: number) => localDate(CHINA_TIME, ms);
  const kept = rows.filter((r) => (!f.itemCode || r.itemCode === f.itemCode) && (!f.mode || r.mode === f.mode)
    && (!f.applicant || r.applicantName.includes(f.applicant)) && (!f.caseNo || r.caseNo.includes(f.caseNo))
    && (!f.from || day(r.receivedAt) >= f.from) && (!f.to || day(r.receivedAt) <= f.to) && (!f.timeState || r.timeState === f.timeState));
  const never = Number.MAX_SAFE_INTEGER;
  return f.sort === 'receivedAt' ? kept.sort((a, b) => b.receivedAt - a.receivedAt)
    : kept.sort((a, b) => (a.workingDaysLeft ?? never) - (b.workingDaysLeft ?? never) || a.receivedAt - b.receivedAt);
}
