import type { Clock, Job, JobHandler } from '../../engine/index.js';
import type { CaseRecord } from './types.js';
import { findCase, updateCase } from './repository.js';
import { findItem } from '../catalog/catalog.js';
import { hasNotice, issueNotice } from '../notices/store.js';
import { noticeData, printedDate } from './notice-data.js';
import { fileRejection } from './rejection-filing.js';
import { issueRefusalNotice } from '../notices/refusal-notice.js';
import { clerksOf } from '../notices/signatories.js';
import { extendTimeLimit, legacyResumeClock } from './time-limits.js';
import { acceptanceNotice, oneTimeNotice } from './time-notices.js';
import type { TimeContext } from '../time-limits/timed-update.js';
import { updateTimedCase } from '../time-limits/timed-update.js';
import { watchJobHandlers } from '../supervision/watch.js';

/** What the handlers need: the platform tables, the time, the live calendar and the cases' watches. */
type Context = TimeContext & { clock: Clock };

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
    'acceptance-notice': withCase((c, job) => acceptanceNotice(ctx, c, now(), { parties: { acceptedBy: clerksOf(c, job.variables).acceptedBy, notifiedBy: clerksOf(c, job.variables).acceptedBy } })),
    'one-time-notice': withCase((c, job) => oneTimeNotice(ctx, c, (job.variables.missingMaterials as string[] | undefined) ?? [], job.variables.correctionDays, now(),
      { key: `one-time:${job.id}`, parties: { notifiedBy: clerksOf(c, job.variables).acceptedBy } })),
    'issue-result': withCase((c, job) => issueResult(ctx, c, job.variables, now())),
    'refusal-notice': withCase((c, job) => issueRefusalNotice(ctx.db, c, job.variables, now())),
    'rejection-filing': withCase((c, job) => fileRejection(ctx.db, c, job.variables, now())),
    'rectification-order': withCase(async (c) => {
      await updateCase(ctx.db, c.id, (x) => x, { at: now(), action: 'rectification-ordered' });
    }),
    // The cards of processes deployed before the time-limit watch moved out of them.
    'yellow-card': withCase((c) => legacyCard(ctx, c, 'yellow', now())),
    'red-card': withCase((c) => legacyCard(ctx, c, 'red', now())),
    'extend-time-limit': withCase((c, job) => extendTimeLimit(ctx, c, String(job.variables.extensionId ?? ''), now())),
    'resume-clock': withCase((c) => legacyResumeClock(ctx, c)),
    'digitize-materials': withCase(async (c) => ({ archiveId: `ARC-${c.id}` })),
    ...watchJobHandlers(ctx),
  };
}

async function legacyCard(ctx: Context, c: CaseRecord, colour: 'yellow' | 'red', at: number): Promise<void> {
  await updateTimedCase(ctx, c.id, (x) => ({ ...x, cards: [...x.cards, { colour, at }] }), { at, action: `${colour}-card`, detail: { dueAt: c.dueAt } });
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
