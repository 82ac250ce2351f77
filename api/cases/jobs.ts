import type { Knex } from 'knex';
import type { Clock, Job, JobHandler, WorkingCalendar } from '../../engine/index.js';
import { workingDaysBetween } from '../../engine/index.js';
import type { CaseRecord } from './types.js';
import { findCase, updateCase } from './repository.js';
import { findItem } from '../catalog/catalog.js';
import { hasNotice, issueNotice } from '../notices/store.js';
import { accept } from './acceptance.js';
import { stopClock } from './clock.js';
import { noticeData, printedDate } from './notice-data.js';
import { fileRejection } from './rejection-filing.js';
import { issueRefusalNotice } from '../notices/refusal-notice.js';
import { clerksOf } from '../notices/signatories.js';
import { extendTimeLimit, raiseCard, resumeAfterSpecialProcedure } from './time-limits.js';

/** What the handlers need: the platform tables, the time, the working calendar (no engine, so a worker process can run them). */
interface Context {
  db: Knex;
  clock: Clock;
  calendar: WorkingCalendar;
}

/**
 * The case server's side of the processes' service tasks (processes/index.ts lists them):
 * notices printed and stored with the case, result numbers, cards, the clock. Each handler
 * is safe to run twice: it looks at the case before it changes it.
 */
export function caseJobHandlers(ctx: Context): Record<string, JobHandler> {
  const withCase = (run: (c: CaseRecord, job: Job) => Promise<Record<string, unknown> | void>): JobHandler => async (job) => {
    const record = await findCase(ctx.db, String(job.variables.caseId ?? ''));
    if (!record) throw new Error(`job ${job.type} for unknown case ${String(job.variables.caseId)}`);
    return run(record, job);
  };
  const now = () => ctx.clock.now();
  return {
    'acceptance-notice': withCase((c, job) => acceptanceNotice(ctx, c, job.variables, now())),
    'one-time-notice': withCase((c, job) => oneTimeNotice(ctx, c, job, (job.variables.missingMaterials as string[] | undefined) ?? [], now())),
    'issue-result': withCase((c, job) => issueResult(ctx, c, job.variables, now())),
    'refusal-notice': withCase((c, job) => issueRefusalNotice(ctx.db, c, job.variables, now())),
    'rejection-filing': withCase((c, job) => fileRejection(ctx.db, c, job.variables, now())),
    'rectification-order': withCase(async (c) => {
      await updateCase(ctx.db, c.id, (x) => x, { at: now(), action: 'rectification-ordered' });
    }),
    'yellow-card': withCase((c) => raiseCard(ctx.db, c, 'yellow', now())),
    'red-card': withCase((c) => raiseCard(ctx.db, c, 'red', now())),
    'extend-time-limit': withCase((c, job) => extendTimeLimit(ctx.db, ctx.calendar, c, String(job.variables.extensionId ?? ''), now())),
    'resume-clock': withCase((c) => resumeAfterSpecialProcedure(ctx.db, ctx.calendar, c, now())),
    'digitize-materials': withCase(async (c) => ({ archiveId: `ARC-${c.id}` })),
  };
}

/** 受理通知书: the promised date is the end of the promisedDays-th working day after acceptance. */
async function acceptanceNotice(ctx: Context, c: CaseRecord, vars: Record<string, unknown>, at: number): Promise<Record<string, unknown>> {
  const item = await findItem(ctx.db, c.itemCode);
  const accepted = accept(ctx.calendar, c, item, at);
  if (!(await hasNotice(ctx.db, c.id, 'acceptance'))) {
    const { acceptedBy } = clerksOf(c, vars);
    await issueNotice(ctx.db, c.id, 'acceptance', {
      ...(await noticeData(ctx.db, c, at)), acceptedDate: printedDate(accepted.acceptedAt!), promisedDays: item?.promisedDays ?? 0, promisedDate: printedDate(accepted.dueAt!), statutoryDays: item?.statutoryDays ?? '—',
      specialProcedures: item?.specialProcedures.filter((p) => !p.countsTowardLimit) ?? [],
      materials: c.materials.filter((m) => m.provided).map((m) => ({ name: m.name, copies: 1, original: true })),
    }, at, { parties: { acceptedBy, notifiedBy: acceptedBy } });
  }
  if (c.acceptedAt === undefined) await updateCase(ctx.db, c.id, (x) => accept(ctx.calendar, x, item, at), { at, action: 'accepted', detail: { dueAt: accepted.dueAt, statutoryDueAt: accepted.statutoryDueAt } });
  return { promisedDate: new Date(accepted.dueAt!).toISOString() };
}

/** 一次性告知书, listing everything missing; §32 wants it within 5 working days of receipt, so the log says whether it was. */
async function oneTimeNotice(ctx: Context, c: CaseRecord, job: Job, missing: string[], at: number): Promise<void> {
  const workingDays = workingDaysBetween(ctx.calendar, c.receivedAt, at);
  await issueNotice(ctx.db, c.id, 'one-time', { ...(await noticeData(ctx.db, c, at)), missing: missing.map((name) => ({ name })), noticeDate: printedDate(at) }, at,
    { key: `one-time:${job.id}`, parties: { notifiedBy: clerksOf(c, job.variables).acceptedBy } });
  await updateCase(ctx.db, c.id, (x) => ({ ...stopClock(x, { kind: 'correction', name: '补正材料' }, at), status: 'correcting' }),
    { at, action: 'one-time-notice', detail: { missing, workingDaysAfterReceipt: workingDays, withinStatutoryFiveDays: workingDays <= 5 } });
}

async function issueResult(ctx: Context, c: CaseRecord, vars: Record<string, unknown>, at: number): Promise<Record<string, unknown>> {
  const resultNo = c.resultNo ?? `${c.itemCode}-${c.caseNo.slice(-13)}`;
  if (!(await hasNotice(ctx.db, c.id, 'completion'))) {
    const resultName = (await findItem(ctx.db, c.itemCode))?.result.name ?? '办理结果';
    await issueNotice(ctx.db, c.id, 'completion', { ...(await noticeData(ctx.db, c, at)), resultName, completedDate: printedDate(at), visits: c.visits }, at,
      { parties: { acceptedBy: clerksOf(c, vars).acceptedBy, notifiedBy: c.ownerId } });
  }
  await updateCase(ctx.db, c.id, (x) => ({ ...x, resultNo }), { at, action: 'issued', detail: { resultNo } });
  return { resultNo };
}
