import type { Knex } from 'knex';
import type { Engine, OpenTask } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import { findCase } from './repository.js';
import type { Extension } from './extension-store.js';
import { todoRows } from '../inbox/todo-scope.js';
import { viewerOf } from '../inbox/viewer.js';
import type { Viewer } from '../inbox/viewer.js';
import { todoPage } from '../inbox/todo-page.js';


/** A step in a person's inbox, as GET /tasks answers it and completing a step checks it. */
export interface InboxTask extends Pick<OpenTask, 'id' | 'instanceId' | 'processId' | 'elementId' | 'name' | 'assignee' | 'candidateGroups' | 'formKey' | 'createdAt'> {
  caseId: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  dueAt?: number;
  /** On the head's approval of an extension: what was asked, so it can be decided from the inbox. */
  extension?: Pick<Extension, 'id' | 'days' | 'reason' | 'requestedBy' | 'requestedAt'>;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A person's inbox (api/inbox/todo-scope.ts has the rules): open steps whose case lies in their
 * org unit (or below), for a group they belong to — or assigned to them, or to an absent A post
 * they back up (AB岗). Window steps go to the case's first-ask owner (and their B post while the
 * owner is away); back-office steps to the staff of the unit that handles them, so a county
 * director never decides a township's case; an extension's approval to the head of the case's
 * deciding authority. Read from the inbox's read model: one indexed query, whatever the county holds.
 * Soonest due first, in pages.
 */
export async function inbox(db: Knex, staff: Staff, paging: { cursor?: string; limit: number } = { limit: 200 }): Promise<{ rows: InboxTask[]; total: number; nextCursor: string | null }> {
  const got = await todoPage(db, await viewerOf(db, staff), { sort: 'timeLeft', ...paging });
  return { ...got, rows: await withExtensions(db, (got.rows as Row[]).map(toInbox)) };
}

/** One step, if it is in the person's inbox: the same rules, for that step alone. */
export async function inboxTask(db: Knex, staff: Staff, taskId: string, viewer?: Viewer): Promise<InboxTask | undefined> {
  const row = await todoRows(db, viewer ?? await viewerOf(db, staff), taskId).select('t.*').first();
  return row ? (await withExtensions(db, [toInbox(row)]))[0] : undefined;
}

function toInbox(r: Row): InboxTask {
  return {
    id: r.task_id, instanceId: r.instance_id, processId: r.process_id, elementId: r.element_id, ...(r.step_name ? { name: r.step_name } : {}),
    ...(r.assignee ? { assignee: r.assignee } : {}), candidateGroups: JSON.parse(r.candidate_groups) as string[], ...(r.form_key ? { formKey: r.form_key } : {}),
    createdAt: Number(r.created_at), caseId: r.case_id, caseNo: r.case_no, itemName: r.item_name, applicantName: r.applicant_name,
    ...(r.due_at !== null && r.due_at !== undefined ? { dueAt: Number(r.due_at) } : {}),
  };
}

/** The pending request beside each approval of an extension, in one query. */
async function withExtensions(db: Knex, tasks: InboxTask[]): Promise<InboxTask[]> {
  const cases = tasks.filter((t) => t.formKey === 'extension-decision').map((t) => t.caseId);
  if (cases.length === 0) return tasks;
  const pending: Row[] = await db('yc_extensions').whereIn('case_id', cases).where({ status: 'pending' });
  return tasks.map((t) => {
    const asked = t.formKey === 'extension-decision' ? pending.find((e) => e.case_id === t.caseId) : undefined;
    return asked ? { ...t, extension: { id: asked.id, days: asked.days, reason: asked.reason, requestedBy: asked.requested_by, requestedAt: Number(asked.requested_at) } } : t;
  });
}

/** The case a step belongs to, through its process's variables (a step not in the read model: one done, or one about to be). */
export async function caseOfTask(db: Knex, engine: Engine, task: { instanceId: string }): Promise<CaseRecord | undefined> {
  const caseId = (await engine.instance(task.instanceId))?.variables.caseId;
  return typeof caseId === 'string' ? findCase(db, caseId) : undefined;
}
