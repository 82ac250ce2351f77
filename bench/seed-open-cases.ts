/**
 * Bulk seeder: N open cases with their instances, written straight into the stores' tables
 * in batches (not through HTTP, and not a commit per case), for the load and inbox benches.
 * One case is taken in for real (intake: its case row and log, its process and watch
 * instances with their events, tasks and subscriptions, its inbox row); each copy is that
 * case's rows with new ids, a new case number (one of the days before the template's), and
 * an owner from `owners` in turn. Copies have no pending jobs or timers: they wait at
 * acceptance, as a busy county's received cases do.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Engine } from '../engine/index.js';
import { intake } from '../api/cases/intake.js';
import { findStaff } from '../api/org/staff.js';
import { newTrackingCode } from '../api/cases/tracking-code.js';
import { isPostgres } from '../engine/store/knex/connect.js';

type Row = Record<string, unknown>;

export interface SeedOptions {
  count: number;
  /** The clerk who takes in the template case (its unit is every copy's unit). */
  clerkId: string;
  /** Owners (首问责任人) of the copies, in turn; default the clerk. */
  owners?: readonly string[];
  itemCode: string;
  provided: string[];
  /** Cases written per transaction. */
  batch?: number;
  onProgress?: (done: number) => void;
}

const APPLICANT = { kind: 'person' as const, name: '王芳', idNumber: '11010519491231002X', phone: '13800001234' };

/** The template's rows, table by table. */
async function templateRows(db: Knex, caseId: string): Promise<{ tables: Array<[string, Row[]]>; instanceIds: string[] }> {
  const record = await db('yc_cases').where({ id: caseId }).first();
  const instances: Row[] = await db('yc_instances').where('business_key', caseId).orWhere('id', record.instance_id);
  const children: Row[] = await db('yc_instances').whereIn('parent_id', instances.map((i) => i.id as string));
  const all = [...instances, ...children];
  const ids = all.map((i) => i.id as string);
  const tasks: Row[] = await db('yc_tasks').whereIn('instance_id', ids);
  const openTasks: Row[] = await db('yc_open_tasks').where({ case_id: caseId });
  return {
    instanceIds: ids,
    tables: [
      ['yc_cases', [record]], ['yc_case_log', await db('yc_case_log').where({ case_id: caseId })],
      ['yc_instances', all], ['yc_events', await db('yc_events').whereIn('instance_id', ids)], ['yc_tasks', tasks],
      ['yc_task_groups', await db('yc_task_groups').whereIn('task_id', tasks.map((t) => t.id as string))],
      ['yc_subscriptions', await db('yc_subscriptions').whereIn('instance_id', ids)],
      ['yc_open_tasks', openTasks], ['yc_open_task_groups', await db('yc_open_task_groups').whereIn('task_id', openTasks.map((t) => t.task_id as string))],
    ],
  };
}

/** The n-th copy's case number: 9,999 a day on the days before the template's. Pure. */
export function copyCaseNo(template: string, n: number): string {
  const match = /^(.*)-(\d{4})(\d{2})(\d{2})-\d{4}$/.exec(template);
  if (!match) throw new Error(`case number ${template} is not unit-yyyymmdd-nnnn`);
  const day = new Date(Date.UTC(Number(match[2]), Number(match[3]) - 1, Number(match[4]) - 1 - Math.floor(n / 9999)));
  const ymd = day.toISOString().slice(0, 10).replaceAll('-', '');
  return `${match[1]}-${ymd}-${String((n % 9999) + 1).padStart(4, '0')}`;
}

/** Replaces every occurrence of each key in a row's values (ids sit inside JSON bodies too). Pure. */
function renamed(row: Row, names: ReadonlyArray<[string, string]>): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (typeof value !== 'string') {
      out[column] = value;
      continue;
    }
    let text = value;
    for (const [from, to] of names) if (text.includes(from)) text = text.replaceAll(from, to);
    out[column] = text;
  }
  return out;
}

/** Takes in one case for real, then writes `count - 1` copies of it; returns the case ids. Not pure. */
export async function seedOpenCases(db: Knex, engine: Engine, options: SeedOptions): Promise<string[]> {
  const clerk = await findStaff(db, options.clerkId);
  if (!clerk) throw new Error(`no staff ${options.clerkId}`);
  const template = await intake(db, engine, clerk, { itemCode: options.itemCode, applicant: APPLICANT, provided: options.provided });
  await engine.idle();
  const { tables, instanceIds } = await templateRows(db, template.id);
  const owners = options.owners?.length ? options.owners : [clerk.id];
  const batch = options.batch ?? 250;
  const ids = [template.id];
  for (let start = 1; start < options.count; start += batch) {
    const rows = new Map<string, Row[]>(tables.map(([table]) => [table, []]));
    for (let n = start; n < Math.min(options.count, start + batch); n++) {
      const caseNo = copyCaseNo(template.id, n - 1);
      const names: Array<[string, string]> = [[template.id, caseNo], ...instanceIds.map((id): [string, string] => [id, randomUUID()]), [clerk.id, owners[n % owners.length]!]];
      for (const [table, templates] of tables) rows.get(table)!.push(...templates.map((r) => renamed(r, names)));
      // Each case has a tracking code of its own (a unique column): the template's would clash.
      const copy = rows.get('yc_cases')!.at(-1)!;
      copy.tracking_code = newTrackingCode();
      ids.push(caseNo);
    }
    await db.transaction(async (trx) => {
      for (const [table, list] of rows) for (let i = 0; i < list.length; i += 200) if (list.length > 0) await trx(table).insert(list.slice(i, i + 200));
    });
    options.onProgress?.(ids.length);
  }
  return ids;
}

/**
 * After a bulk seed on PostgreSQL: statistics, and the visibility map that lets an index answer
 * without visiting the table, as autovacuum gives tables this size soon after such inserts
 * (PostgreSQL 13 and later vacuum after inserts too). Measured before it, reads would pay for a
 * freshly loaded table no running county has. SQLite needs neither.
 */
export async function settleSeeded(db: Knex): Promise<void> {
  if (isPostgres(db)) await db.raw('VACUUM ANALYZE');
}
