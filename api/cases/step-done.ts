/**
 * A step done, as its case records it: written by the follower of the task's 'task.closed'
 * effect, which carries the answer, its time and who gave it, so a crash after the engine's
 * commit leaves nothing for the request to have written (the outbox delivers it again).
 */

import type { Knex } from 'knex';
import type { Effect } from '../../engine/index.js';
import type { CaseRecord, CaseStep } from './types.js';
import { accept, corrected } from './acceptance.js';
import { actingFor, findStaff } from '../org/staff.js';

/** A task's completion as its 'task.closed' effect tells it: the answer, its time, who gave it. */
export type TaskCompletion = NonNullable<Extract<Effect, { type: 'task.closed' }>['completion']>;

/** The 'step-done' line's once-key: one line per task, however often its close is delivered. Pure. */
export const stepDoneKey = (taskId: string): string => `step-done:${taskId}`;

/**
 * The case after a step's answer, on the case its close has left (the step gone, the next
 * ones not opened yet): a forwarded case's window step taken up by whoever did it, accepted on
 * the spot, the applicant came back, the approving decision made. Pure.
 */
export function afterStep(c: CaseRecord, step: CaseStep, completion: TaskCompletion, reviewsLeft = false): CaseRecord {
  const { variables, at, by } = completion;
  // A forwarded case has no first-ask owner until a clerk of the handling centre takes up its window step.
  const taken = c.ownerId === undefined && by && (step.candidateGroups ?? []).includes('clerk') ? { ...c, ownerId: by } : c;
  const missing = (variables.missingMaterials as string[] | undefined) ?? [];
  if (step.formKey === 'acceptance' && variables.accepted === true && missing.length === 0) return accept(taken, at);
  if (step.formKey === 'correction') return corrected(taken, (variables.correctedMaterials as string[] | undefined) ?? []);
  if (approves(taken, step.formKey, variables, reviewsLeft)) return { ...taken, decidedAt: taken.decidedAt ?? at };
  return taken;
}

/**
 * Whether this answer makes the approving decision: the decider's, or the last department's yes
 * in a joint review (none open in the case, nor in its process, where a review done one after
 * another has opened the next in the same commit). Pure.
 */
function approves(c: CaseRecord, formKey: string | undefined, variables: Record<string, unknown>, reviewsLeft: boolean): boolean {
  if (variables.approved !== true) return false;
  if (formKey === 'decision' || formKey === 'county-decision') return true;
  return formKey === 'joint-review' && !reviewsLeft && !c.currentSteps.some((s) => s.formKey === 'joint-review');
}

/**
 * The 'accepted' line when the answer accepted the case (the acceptance-notice job writes it
 * when it gets there first): with the dates the acceptance set going. Pure.
 */
export function acceptedLine(at: number) {
  return (before: CaseRecord, after: CaseRecord) => (before.acceptedAt === undefined && after.acceptedAt !== undefined
    ? { at, action: 'accepted', detail: { dueAt: after.dueAt, statutoryDueAt: after.statutoryDueAt } } : undefined);
}

/**
 * The 'step-done' log line: who did the step, for whom when a B post stands in for the case's
 * absent owner, the step, its department in a joint review, and the answer. Not pure: it reads
 * whom the doer stands in for.
 */
export async function stepDoneLine(db: Knex, c: CaseRecord, taskId: string, step: CaseStep | undefined, completion: TaskCompletion) {
  const { by, at, variables } = completion;
  const doer = by ? await findStaff(db, by) : undefined;
  const acting = doer ? await actingFor(db, doer) : [];
  const department = step?.candidateGroups?.find((g) => g.startsWith('reviewer:'))?.slice('reviewer:'.length);
  return {
    at, ...(by ? { actorId: by } : {}), action: 'step-done', once: stepDoneKey(taskId),
    detail: {
      taskId, step: step?.name ?? taskId, variables, ...(department ? { department } : {}),
      ...(c.ownerId && by && c.ownerId !== by && acting.includes(c.ownerId) ? { onBehalfOf: c.ownerId } : {}),
    },
  };
}
