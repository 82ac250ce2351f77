import type { Knex } from 'knex';
import type { Engine, Job, JobHandler, WorkingCalendar } from '../../engine/index.js';
import { deadlineAfterReceipt, workingDaysBetween } from '../../engine/index.js';
import type { CaseRecord } from './types.js';
import { findCase, updateCase } from './repository.js';
import { findItem } from '../catalog/catalog.js';
import { issueNotice } from '../notices/store.js';
import { allUnits } from '../org/units.js';

const day = (ms: number) => new Date(ms).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

interface Context {
  db: Knex;
  engine: Engine;
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
  const now = () => ctx.engine.clock.now();
  return {
    'acceptance-notice': withCase((c, job) => acceptanceNotice(ctx, c, Number(job.variables.promisedDays ?? 0))),
    'one-time-notice': withCase(async (c, job) => {
      const missing = (job.variables.missingMaterials as string[] | undefined) ?? [];
      await issueNotice(ctx.db, c.id, 'one-time', { ...(await common(ctx, c)), missing: missing.map((name) => ({ name })), noticeDate: day(now()) }, now());
      await updateCase(ctx.db, c.id, (x) => ({ ...x, status: 'correcting', clockStoppedAt: now() }), { at: now(), action: 'one-time-notice', detail: { missing } });
    }),
    'issue-result': withCase(async (c) => {
      const resultNo = c.resultNo ?? `${c.itemCode}-${c.caseNo.slice(-13)}`;
      await issueNotice(ctx.db, c.id, 'completion', { ...(await common(ctx, c)), resultName: (await findItem(ctx.db, c.itemCode))?.result.name ?? '办理结果', completedDate: day(now()), visits: c.visits }, now());
      await updateCase(ctx.db, c.id, (x) => ({ ...x, resultNo }), { at: now(), action: 'issued', detail: { resultNo } });
      return { resultNo };
    }),
    'refusal-notice': withCase(async (c, job) => {
      const kind = job.variables.accepted === false ? 'refusal-to-accept' : 'refusal-decision';
      await issueNotice(ctx.db, c.id, kind, { ...(await common(ctx, c)), reason: job.variables.refusalReason, legalBasis: job.variables.legalBasis, reviewAuthority: '永嘉县人民政府', supervisionBody: '县审管办' }, now());
    }),
    'rejection-filing': withCase(async (c, job) => {
      await updateCase(ctx.db, c.id, (x) => x, { at: now(), action: 'rejection-filed', detail: { reason: job.variables.refusalReason, legalBasis: job.variables.legalBasis } });
    }),
    'rectification-order': withCase(async (c) => {
      await updateCase(ctx.db, c.id, (x) => x, { at: now(), action: 'rectification-ordered' });
    }),
    'yellow-card': withCase(async (c) => card(ctx, c, 'yellow')),
    'red-card': withCase(async (c) => card(ctx, c, 'red')),
    'resume-clock': withCase(async (c) => resumeClock(ctx, c)),
    'digitize-materials': withCase(async (c) => ({ archiveId: `ARC-${c.id}` })),
  };
}

async function common(ctx: Context, c: CaseRecord): Promise<Record<string, unknown>> {
  const unit = (await allUnits(ctx.db)).find((u) => u.id === c.orgUnitId);
  const item = await findItem(ctx.db, c.itemCode);
  return {
    applicant: c.applicant, itemName: c.itemName, caseId: c.caseNo, receivedDate: day(c.receivedAt), centerName: unit?.centerName,
    date: day(ctx.engine.clock.now()), complaintPhone: item?.complaintPhone ?? '12345', windowName: `${unit?.centerName ?? ''}${item?.window ?? ''}窗口`,
  };
}

/** 受理通知书: the promised date is the end of the promisedDays-th working day after acceptance. */
async function acceptanceNotice(ctx: Context, c: CaseRecord, promisedDays: number): Promise<Record<string, unknown>> {
  const now = ctx.engine.clock.now();
  const dueAt = c.dueAt ?? deadlineAfterReceipt(ctx.calendar, now, promisedDays);
  const item = await findItem(ctx.db, c.itemCode);
  if (!c.acceptedAt) {
    await issueNotice(ctx.db, c.id, 'acceptance', {
      ...(await common(ctx, c)), promisedDays, promisedDate: day(dueAt), statutoryDays: item?.statutoryDays ?? '—',
      specialProcedures: item?.specialProcedures ?? [], materials: c.materials.filter((m) => m.provided).map((m) => ({ name: m.name, copies: 1, original: true })),
    }, now);
    await updateCase(ctx.db, c.id, (x) => ({ ...x, status: 'handling', acceptedAt: now, dueAt }), { at: now, action: 'accepted', detail: { dueAt } });
  }
  return { promisedDate: new Date(dueAt).toISOString() };
}

async function card(ctx: Context, c: CaseRecord, colour: 'yellow' | 'red'): Promise<void> {
  const at = ctx.engine.clock.now();
  await updateCase(ctx.db, c.id, (x) => ({ ...x, cards: [...x.cards, { colour, at }] }), { at, action: `${colour}-card` });
}

/** A special procedure ended: the days it took do not count; the due date moves by them. */
async function resumeClock(ctx: Context, c: CaseRecord): Promise<Record<string, unknown>> {
  const now = ctx.engine.clock.now();
  const stoppedAt = c.clockStoppedAt ?? now;
  const daysLeft = c.dueAt ? Math.max(0, workingDaysBetween(ctx.calendar, stoppedAt, c.dueAt)) : 0;
  const dueAt = deadlineAfterReceipt(ctx.calendar, now, daysLeft);
  await updateCase(ctx.db, c.id, (x) => ({ ...x, status: 'handling', clockStoppedAt: undefined, dueAt }), { at: now, action: 'clock-resumed', detail: { daysLeft, dueAt } });
  return { daysLeft };
}
