import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { InboxTask } from './inbox.js';
import { caseOfTask, inboxTask as inboxStep } from './inbox.js';
import { groupsOf } from '../inbox/viewer.js';
import { whyNotMine } from './steps.js';
import { appendLog } from './repository.js';
import { findStaff, staffIn } from '../org/staff.js';
import { allUnits } from '../org/units.js';
import { HEAD_GROUP } from '../org/authority-heads.js';
import { ApiError } from '../http/errors.js';
import { caseInstanceIds, settle } from './case-instances.js';

/** Who holds a task after a claim, a hand-on or an unclaim. */
export interface Holding {
  taskId: string;
  holder: { id: string; name: string } | null;
}

/**
 * Claiming, giving back and handing on a step (认领、退回、转交). Each goes through the engine,
 * which records it in the instance's history, and into the case log. A person may do it only
 * to a task in their own inbox (the inbox's unit and group rules, A/B posts included).
 */
export async function claimStep(db: Knex, engine: Engine, staff: Staff, taskId: string, at: number): Promise<Holding> {
  const task = await inboxTask(db, engine, staff, taskId);
  if (task.assignee === staff.id) return { taskId, holder: { id: staff.id, name: staff.name } };
  await engine.claimTask(taskId, staff.id);
  await logged(db, engine, task, at, { actorId: staff.id, action: 'task-claimed', detail: { taskId, step: stepName(task) } });
  return { taskId, holder: { id: staff.id, name: staff.name } };
}

/** Gives a claimed task back to its group; only its holder (or their B post) does. */
export async function unclaimStep(db: Knex, engine: Engine, staff: Staff, taskId: string, at: number): Promise<Holding> {
  const task = await inboxTask(db, engine, staff, taskId);
  if (!task.assignee) throw new ApiError(409, 'TASK_NOT_CLAIMED', '这项待办尚未被认领');
  await engine.unclaimTask(taskId);
  await logged(db, engine, task, at, { actorId: staff.id, action: 'task-unclaimed', detail: { taskId, step: stepName(task), from: task.assignee } });
  return { taskId, holder: null };
}

/**
 * Hands a task on to a named colleague with a reason: someone of the same unit, at work, whose
 * roles answer the task's groups (the same department for a joint review, the same authority
 * for its head's approval), who is not holding it already.
 */
export async function handOnStep(db: Knex, engine: Engine, staff: Staff, taskId: string, toStaffId: string, reason: string, at: number): Promise<Holding> {
  const task = await inboxTask(db, engine, staff, taskId);
  const target = await findStaff(db, toStaffId);
  const problem = await whyNotTarget(db, staff, task, target);
  if (problem) throw new ApiError(422, 'HAND_ON_TARGET_INVALID', problem, [{ field: 'toStaffId', problem }]);
  await engine.handOnTask(taskId, { to: target!.id, by: staff.id, reason });
  await logged(db, engine, task, at, {
    actorId: staff.id, action: 'task-handed-on', detail: { taskId, step: stepName(task), from: task.assignee ?? null, to: target!.id, reason },
  });
  return { taskId, holder: { id: target!.id, name: target!.name } };
}

/** The colleagues a task may be handed on to (the same rules as handOnStep), by name. */
export async function handOnTargets(db: Knex, engine: Engine, staff: Staff, taskId: string): Promise<Array<{ id: string; name: string }>> {
  const task = await inboxTask(db, engine, staff, taskId);
  const out: Array<{ id: string; name: string }> = [];
  // A unit's staff fit in one page: a township centre has tens of people, not hundreds.
  for (const colleague of (await staffIn(db, [staff.orgUnitId], { limit: 500 })).rows) {
    if (!(await whyNotTarget(db, staff, task, colleague))) out.push({ id: colleague.id, name: colleague.name });
  }
  return out;
}

async function whyNotTarget(db: Knex, staff: Staff, task: InboxTask, target: Staff | undefined): Promise<string | undefined> {
  if (!target || target.orgUnitId !== staff.orgUnitId) return '只能转交给本单位的工作人员';
  if (target.id === (task.assignee ?? '') || (target.id === staff.id && !task.assignee)) return '这项待办已由该工作人员办理';
  if (target.absent) return '该工作人员缺岗，不能接收转交';
  const level = (await allUnits(db)).find((u) => u.id === target.orgUnitId)?.level ?? 'village';
  const groups = groupsOf(target, level);
  if (!task.candidateGroups.some((g) => groups.has(g))) return '该工作人员的岗位不办理这一环节';
  if (task.candidateGroups.includes(HEAD_GROUP) && target.authorityId !== staff.authorityId) return '只能转交给同一实施机关的负责人';
  return undefined;
}

/** The task as the caller's inbox has it; else why not (404 unknown or out of scope, 403 someone else's, 409 done). */
async function inboxTask(db: Knex, engine: Engine, staff: Staff, taskId: string): Promise<InboxTask> {
  const task = await inboxStep(db, staff, taskId);
  // The inbox holds a claimed task only for its holder and the holder's B post while the A is away.
  if (!task) throw await whyNotMine(db, engine, staff, taskId);
  return task;
}

async function logged(db: Knex, engine: Engine, task: InboxTask, at: number, line: { actorId: string; action: string; detail: Record<string, unknown> }): Promise<void> {
  // Only this task's case's work (the claim's follow-up), never the whole engine's.
  await settle(engine, [task.instanceId, caseInstanceIds(task.caseId).watch]);
  const record = await caseOfTask(db, engine, task);
  if (record) await appendLog(db, record.id, { at, ...line });
}

function stepName(task: InboxTask): string {
  return task.name ?? task.elementId;
}
