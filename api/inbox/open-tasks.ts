import type { Knex } from 'knex';
import { splitItemId } from '../../engine/index.js';
import type { CaseRecord, CaseStep } from '../cases/types.js';
import { allUnits, centerOf, countyOf } from '../org/units.js';
import type { OrgUnit } from '../org/units.js';
import { HEAD_GROUP, extensionApprover } from '../org/authority-heads.js';

/**
 * The inbox's read model (migration 015): the open steps of each case, written from the case
 * record in the transaction that writes the case (repository.updateCase), so the two never
 * disagree. A row carries what the inbox scopes, filters and sorts by; a back-office step's
 * candidate groups are also rows of yc_open_task_groups keyed by group and handling unit.
 */

/** The process the county runs for a reported-up case: its steps belong to the county's staff. */
export const COUNTY_PROCESSES: ReadonlySet<string> = new Set(['report-up-county']);

/** A window step (首问负责): it belongs to the case's owner, not to a unit. Pure. */
export function isWindowStep(groups: readonly string[]): boolean {
  return groups.length === 1 && groups[0] === 'clerk';
}

/**
 * The unit whose staff answer for a back-office step: the county for the county's own process,
 * else the case's centre (a village case's township). Pure over the list.
 */
export function handlingUnitOf(units: readonly OrgUnit[], processId: string, orgUnitId: string): string {
  return COUNTY_PROCESSES.has(processId) ? countyOf(units, orgUnitId) : centerOf(units, orgUnitId);
}

/** What a step without a due date sorts by in the inbox: after every dated one (migration 059 keeps it as `due_key`). */
export const NO_DUE = 9_007_199_254_740_991;

/** What a step needs to be written: the task's facts the case keeps (followCases records them). */
type KnownStep = CaseStep & { candidateGroups: string[]; processId: string };

const known = (s: CaseStep): s is KnownStep => Array.isArray(s.candidateGroups) && typeof s.processId === 'string';

/**
 * The columns that follow the case as it changes (owner, dates, status, the step's element, and its
 * assignee, for whatever claims or hands a step on and records it on the case's step). Pure.
 */
function changing(c: CaseRecord, step: CaseStep) {
  const due = step.dueAt ?? c.dueAt;
  return {
    owner_id: c.ownerId ?? null, due_at: due ?? null, due_key: due ?? NO_DUE, statutory_due_at: c.statutoryDueAt ?? null, status: c.status, step_name: step.name,
    // A migrated instance moves its step to the new version's element (task.moved).
    element_id: step.elementId ?? step.taskId,
    ...(known(step) ? { assignee: step.assignee ?? null } : {}),
  };
}

/**
 * Brings a case's rows in line with its open steps: closed steps go, new ones come, the rest
 * follow the case's owner and dates. Run inside the case's write (pass its transaction).
 */
export async function syncOpenTasks(trx: Knex, c: CaseRecord): Promise<void> {
  const have = new Set((await trx('yc_open_tasks').where({ case_id: c.id }).select('task_id')).map((r: { task_id: string }) => r.task_id));
  const open = new Set(c.currentSteps.map((s) => s.taskId));
  const gone = [...have].filter((id) => !open.has(id));
  if (gone.length > 0) {
    await trx('yc_open_task_groups').whereIn('task_id', gone).delete();
    await trx('yc_open_tasks').whereIn('task_id', gone).delete();
  }
  const fresh = c.currentSteps.filter((s) => !have.has(s.taskId)).filter(known);
  if (fresh.length > 0) await insertRows(trx, c, fresh);
  for (const step of c.currentSteps.filter((s) => have.has(s.taskId))) {
    const change = changing(c, step);
    await trx('yc_open_tasks').where({ task_id: step.taskId }).update(change);
    await trx('yc_open_task_groups').where({ task_id: step.taskId }).update(groupColumns(change));
  }
}

/** What a step's group rows repeat of it, so a group's unclaimed steps are found in due order from that table alone. Pure. */
function groupColumns(change: { due_key: number; assignee?: string | null }): { due_key: number; assignee?: string | null } {
  return { due_key: change.due_key, ...('assignee' in change ? { assignee: change.assignee } : {}) };
}

async function insertRows(trx: Knex, c: CaseRecord, steps: readonly KnownStep[]): Promise<void> {
  const units = await allUnits(trx);
  const mode = (await trx('yc_items').where({ code: c.itemCode }).first('mode'))?.mode ?? '';
  const approver = steps.some((s) => s.candidateGroups.includes(HEAD_GROUP)) ? (await extensionApprover(trx, c))?.id ?? null : null;
  for (const step of steps) {
    const handlingUnit = handlingUnitOf(units, step.processId, c.orgUnitId);
    await trx('yc_open_tasks').insert({
      task_id: step.taskId, case_id: c.id, instance_id: splitItemId(step.taskId)?.instanceId ?? '', process_id: step.processId,
      form_key: step.formKey ?? null, candidate_groups: JSON.stringify(step.candidateGroups), assignee: step.assignee ?? null,
      window_step: isWindowStep(step.candidateGroups), head_step: step.candidateGroups.includes(HEAD_GROUP), handling_unit: handlingUnit,
      approver_id: step.candidateGroups.includes(HEAD_GROUP) ? approver : null, org_unit_id: c.orgUnitId, case_no: c.caseNo, item_code: c.itemCode,
      item_name: c.itemName, mode, applicant_name: c.applicant.name, received_at: c.receivedAt, created_at: step.openedAt ?? c.receivedAt, ...changing(c, step),
    });
    // Only a back-office step is found by its groups and handling unit; a window step goes by its owner, the head's by the approver.
    const groups = isWindowStep(step.candidateGroups) || step.candidateGroups.includes(HEAD_GROUP) ? [] : [...new Set(step.candidateGroups)];
    const repeated = groupColumns(changing(c, step));
    if (groups.length > 0) await trx('yc_open_task_groups').insert(groups.map((group_name) => ({ group_name, handling_unit: handlingUnit, task_id: step.taskId, ...repeated })));
  }
}

/**
 * The rows of the steps open when the read model came (migration 015): each open case's steps,
 * with the facts the engine's task table keeps about them (candidate groups, assignee, process).
 */
export async function backfillOpenTasks(knex: Knex): Promise<void> {
  for (let after = ''; ;) {
    const rows: Array<{ id: string; body: string }> = await knex('yc_cases').whereNotIn('status', ['completed', 'refused', 'withdrawn']).where('id', '>', after).orderBy('id').limit(200).select('id', 'body');
    if (rows.length === 0) return;
    for (const row of rows) {
      const c = { ...(JSON.parse(row.body) as CaseRecord), id: row.id };
      const steps = await withTaskFacts(knex, c.currentSteps ?? []);
      await knex.transaction((trx) => syncOpenTasks(trx, { ...c, currentSteps: steps }));
    }
    after = rows[rows.length - 1]!.id;
  }
}

async function withTaskFacts(knex: Knex, steps: readonly CaseStep[]): Promise<CaseStep[]> {
  if (steps.length === 0) return [];
  const tasks: Array<{ id: string; process_id: string; assignee: string | null; body: string }> = await knex('yc_tasks').whereIn('id', steps.map((s) => s.taskId)).whereNull('closed_at').select('id', 'process_id', 'assignee', 'body');
  return steps.flatMap((s) => {
    const task = tasks.find((t) => t.id === s.taskId);
    if (!task) return [];
    const body = JSON.parse(task.body) as { candidateGroups?: string[] };
    return [{ ...s, candidateGroups: body.candidateGroups ?? [], processId: task.process_id, ...(task.assignee ? { assignee: task.assignee } : {}) }];
  });
}
