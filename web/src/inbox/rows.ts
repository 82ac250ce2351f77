import type { InboxTask } from '../api/types.js';
import type { Instant } from '../format/dates.js';
import { toEpochMs } from '../format/dates.js';

/** One row of 我的待办, as the page shows it: only what a person reads. */
export interface InboxRow {
  id: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  stepName: string;
  dueAt?: Instant;
}

/** A task as a row: the step's name (its element id if the model names none). Pure. */
export function toRow(task: InboxTask): InboxRow {
  return {
    id: task.id, caseNo: task.caseNo, itemName: task.itemName, applicantName: task.applicantName,
    stepName: task.name ?? task.elementId, ...(task.dueAt === undefined ? {} : { dueAt: task.dueAt }),
  };
}

/** Soonest due first; steps without a due date last. Pure. */
export function byDueDate(a: InboxRow, b: InboxRow): number {
  const never = Number.MAX_SAFE_INTEGER;
  return (toEpochMs(a.dueAt) ?? never) - (toEpochMs(b.dueAt) ?? never);
}
