import type { Clock, Job } from '../../engine/index.js';
import type { CaseRecord } from '../cases/types.js';
import { CLOSED_STATUSES } from '../cases/types.js';
import { findCase } from '../cases/repository.js';
import { deemAccepted } from '../cases/acceptance.js';
import type { TimeContext } from '../time-limits/timed-update.js';
import { updateTimedCase } from '../time-limits/timed-update.js';
import { armedCards, cardRule } from './card-rules.js';

/** The process that watches every case's cards (processes/time-limit.bpmn). */
export const WATCH_PROCESS = 'time-limit-watch';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The watch's question (job time-limits): which cards are due when, not raised yet, from the
 * case's dates as they stand with the current calendar; watching false once the case closed.
 */
export async function cardsDue(ctx: TimeContext, caseId: string): Promise<{ watching: boolean; armed: Array<{ rule: string; dueAt: string }> }> {
  await ctx.calendar.refresh();
  const c = await findCase(ctx.db, caseId);
  if (!c || CLOSED_STATUSES.includes(c.status)) return { watching: false, armed: [] };
  return { watching: true, armed: armedCards(c, ctx.calendar).map((card) => ({ rule: card.rule, dueAt: iso(card.dueAt) })) };
}

/**
 * A card's instant came (job raise-card). It is raised only if the case still has it due then
 * (a date may have moved since the watch armed it: a stale firing does nothing, the watch has
 * been told), once per rule and due time, with its log line; the §32 rule also makes the case
 * accepted by law. Not pure.
 */
export async function raiseCard(ctx: TimeContext & { clock: Clock }, caseId: string, card: { rule: string; dueAt: string }): Promise<void> {
  await ctx.calendar.refresh();
  const c = await findCase(ctx.db, caseId);
  const rule = cardRule(card.rule);
  if (!c || !rule || !stillDue(ctx, c, card)) return;
  const at = ctx.clock.now();
  const dueAt = Date.parse(card.dueAt);
  await updateTimedCase(ctx, caseId, (x) => {
    if (x.cards.some((k) => k.rule === rule.id && k.dueAt === dueAt)) return x;
    const carded = { ...x, cards: [...x.cards, { colour: rule.colour, at, rule: rule.id, dueAt }] };
    return rule.id === 'acceptance-overdue' ? deemAccepted(carded, at) : carded;
  }, { at, action: `${rule.colour}-card`, detail: { rule: rule.id, title: rule.title, dueAt, caseDueAt: c.dueAt, statutoryDueAt: c.statutoryDueAt } });
}

function stillDue(ctx: TimeContext, c: CaseRecord, card: { rule: string; dueAt: string }): boolean {
  return armedCards(c, ctx.calendar).some((armed) => armed.rule === card.rule && iso(armed.dueAt) === card.dueAt);
}

/** The watch's two job handlers. */
export function watchJobHandlers(ctx: TimeContext & { clock: Clock }): Record<string, (job: Job) => Promise<Record<string, unknown> | void>> {
  const caseIdOf = (job: Job) => String(job.variables.caseId ?? '');
  return {
    'time-limits': (job) => cardsDue(ctx, caseIdOf(job)),
    'raise-card': (job) => raiseCard(ctx, caseIdOf(job), job.variables.card as { rule: string; dueAt: string }),
  };
}
