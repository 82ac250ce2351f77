import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { EngineError, canonicalItemId, splitItemId } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseLogEntry, CaseRecord } from './types.js';
import type { InboxTask } from './inbox.js';
import { caseOfTask, inboxTask } from './inbox.js';
import { caseLog, findCase } from './repository.js';
import { caseFamily, settle } from './case-instances.js';
import { timeContextOf, updateTimedCase } from '../time-limits/timed-update.js';
import { platformForms } from '../forms/registry.js';
import { formsOfVersion, versionRef } from '../processes/process-forms.js';
import { accept, checkAcceptance, corrected } from './acceptance.js';
import { EXTENSION_FORM, decisionOf } from './extensions.js';
import { signedBy } from '../notices/signatories.js';
import { actingFor, findStaff } from '../org/staff.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { ApiError, forbidden } from '../http/errors.js';

/**
 * Completes a step after checking it is the caller's and its answer fits its form (one form-js
 * definition per formKey, processes/forms, or the one designed with the case's process version); records who did it (and for whom, on a B post). A
 * step done already gets a 409 that says when and by whom.
 */
export async function completeStep(db: Knex, engine: Engine, staff: Staff, taskId: string, input: Record<string, unknown>, at: number, forms = platformForms()): Promise<CaseRecord> {
  // That one step, looked up with the inbox's rules: the work does not grow with the county's open cases.
  const mine = await inboxTask(db, staff, taskId);
  if (!mine) throw await whyNotMine(db, engine, staff, taskId);
  const record = (await findCase(db, mine.caseId))!;
  // The form's conditions see the process's variables beside the answer, as the form-js page does.
  const instance = await engine.instance(mine.instanceId);
  const processVariables = instance?.variables;
  // A form designed with the case's process version is the one its steps answer.
  const versionForms = instance ? await formsOfVersion(db, instance.processId, versionRef(instance.definitionKey).version, forms) : forms;
  let variables = versionForms.answer(mine.formKey, input, { now: at, variables: processVariables, taskName: mine.name ?? mine.elementId });
  if (mine.formKey === 'acceptance') variables = checkAcceptance(record, variables);
  // The engine is the truth: the head's answer on an extension goes with the completion, and the extension follows it.
  const completion = mine.formKey === EXTENSION_FORM ? await decisionOf(db, engine, staff, record, variables, at) : signedBy(mine.formKey, variables, staff.id);
  await engine.completeTask(taskId, completion).catch((err: unknown) => {
    if (err instanceof EngineError && err.code === 'TASK_ALREADY_COMPLETED') throw alreadyDone();
    throw err;
  });
  await settle(engine, [mine.instanceId, ...caseFamily(record)]);
  const acting = await actingFor(db, staff);
  // A forwarded case has no first-ask owner until a clerk of the handling centre takes up its window step.
  const takesUp = (c: CaseRecord) => (c.ownerId === undefined && mine.candidateGroups.includes('clerk') ? { ...c, ownerId: staff.id } : c);
  return updateTimedCase(timeContextOf(db, engine), record.id, (c) => afterStep(takesUp(c), mine.formKey, variables, at), {
    at, actorId: staff.id, action: 'step-done',
    detail: {
      taskId, step: mine.name ?? mine.elementId, variables, ...departmentOf(mine),
      ...(record.ownerId && record.ownerId !== staff.id && acting.includes(record.ownerId) ? { onBehalfOf: record.ownerId } : {}),
    },
  });
}

/** What a step's answer means for the case itself: accepted on the spot, the applicant came back. Pure. */
function afterStep(c: CaseRecord, formKey: string | undefined, variables: Record<string, unknown>, at: number): CaseRecord {
  const missing = (variables.missingMaterials as string[] | undefined) ?? [];
  if (formKey === 'acceptance' && variables.accepted === true && missing.length === 0) return accept(c, at);
  if (formKey === 'correction') return corrected(c, (variables.correctedMaterials as string[] | undefined) ?? []);
  if (approves(c, formKey, variables)) return { ...c, decidedAt: c.decidedAt ?? at };
  return c;
}

/** Whether this answer makes the approving decision: the decider's, or the last department's yes in a joint review. Pure. */
function approves(c: CaseRecord, formKey: string | undefined, variables: Record<string, unknown>): boolean {
  if (variables.approved !== true) return false;
  if (formKey === 'decision' || formKey === 'county-decision') return true;
  return formKey === 'joint-review' && !c.currentSteps.some((s) => s.formKey === 'joint-review');
}

function departmentOf(task: InboxTask): { department?: string } {
  const group = task.candidateGroups.find((g) => g.startsWith('reviewer:'));
  return group ? { department: group.slice('reviewer:'.length) } : {};
}

/**
 * Why a task is not in the caller's inbox: unknown or of a case the caller may not see (404),
 * someone else's (403), or done already (409, saying when and by whom).
 */
export async function whyNotMine(db: Knex, engine: Engine, staff: Staff, taskId: string): Promise<ApiError> {
  const instanceId = splitItemId(taskId)?.instanceId;
  const record = instanceId ? await caseOfTask(db, engine, { instanceId }).catch(() => undefined) : undefined;
  if (!record || !unitAndBelow(await allUnits(db), staff.orgUnitId).includes(record.orgUnitId)) return new ApiError(404, 'TASK_NOT_FOUND', '待办不存在');
  if ((await engine.tasks({ instanceId: instanceId! })).some((t) => t.id === taskId)) return forbidden('这项待办不在你的待办范围内');
  const log = await caseLog(db, record.id);
  // Log lines written before migration 008 name the task in the old form.
  const about = (e: CaseLogEntry) => typeof e.detail.taskId === 'string' && canonicalItemId(e.detail.taskId) === taskId;
  if (!log.some((e) => e.action === 'step-closed' && about(e))) return new ApiError(404, 'TASK_NOT_FOUND', '待办不存在');
  const done = log.find((e) => e.action === 'step-done' && about(e));
  return alreadyDone(done?.actorId ? (await findStaff(db, done.actorId))?.name : undefined, done?.at);
}

function alreadyDone(by?: string, at?: number): ApiError {
  const when = at ? `于 ${new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} ` : '';
  return new ApiError(409, 'TASK_ALREADY_COMPLETED', `这项待办已${when}由${by ?? '他人'}办理完毕，请刷新待办列表`);
}
