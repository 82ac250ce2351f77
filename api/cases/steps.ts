import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { EngineError, canonicalItemId, splitItemId } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseLogEntry, CaseRecord } from './types.js';
import { caseOfTask, inboxTask } from './inbox.js';
import { caseLog, findCase } from './repository.js';
import { caseFamily, settle } from './case-instances.js';
import { platformForms } from '../forms/registry.js';
import { formsOfVersion, versionRef } from '../processes/process-forms.js';
import { checkAcceptance } from './acceptance.js';
import { EXTENSION_FORM, decisionOf } from './extensions.js';
import { signedBy } from '../notices/signatories.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { findStaff } from '../org/staff.js';
import { ApiError, forbidden } from '../http/errors.js';

/**
 * Completes a step after checking it is the caller's and its answer fits its form (one form-js
 * definition per formKey, processes/forms, or the one designed with the case's process version). The engine's commit is
 * the only write: the case follows it from the task's close, which carries the answer and who
 * gave it (api/cases/step-done.ts), and the request waits for that before it answers the case.
 * A step done already gets a 409 that says when and by whom, unless this is the retry of the
 * caller's own request whose first attempt died after the commit (`retried`, by its
 * Idempotency-Key): that gets the case, as the first attempt would have.
 */
export async function completeStep(db: Knex, engine: Engine, staff: Staff, taskId: string, input: Record<string, unknown>, at: number, forms = platformForms(), retried = false): Promise<CaseRecord> {
  // That one step, looked up with the inbox's rules: the work does not grow with the county's open cases.
  const mine = await inboxTask(db, staff, taskId);
  if (!mine) {
    const answered = retried ? await doneBefore(db, engine, staff, taskId) : undefined;
    if (answered) return answered;
    throw await whyNotMine(db, engine, staff, taskId);
  }
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
  await engine.completeTask(taskId, completion, { by: staff.id }).catch((err: unknown) => {
    if (err instanceof EngineError && err.code === 'TASK_ALREADY_COMPLETED') throw alreadyDone();
    throw err;
  });
  await settle(engine, [mine.instanceId, ...caseFamily(record)]);
  return (await findCase(db, record.id))!;
}

/** The case of a step the caller completed already, once its case has followed; undefined when it was someone else's (or not followed yet). */
async function doneBefore(db: Knex, engine: Engine, staff: Staff, taskId: string): Promise<CaseRecord | undefined> {
  const instanceId = splitItemId(taskId)?.instanceId;
  const record = instanceId ? await caseOfTask(db, engine, { instanceId }).catch(() => undefined) : undefined;
  if (!record || doneLine(await caseLog(db, record.id), taskId)?.actorId !== staff.id) return undefined;
  await settle(engine, caseFamily(record));
  return findCase(db, record.id);
}

/** Whether a log line is about this task (lines written before migration 008 name it in the old form). Pure. */
const aboutTask = (taskId: string) => (e: CaseLogEntry) => typeof e.detail.taskId === 'string' && canonicalItemId(e.detail.taskId) === taskId;

/** The 'step-done' line of a task in a case's log, if any. Pure. */
function doneLine(log: readonly CaseLogEntry[], taskId: string): CaseLogEntry | undefined {
  return log.find((e) => e.action === 'step-done' && aboutTask(taskId)(e));
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
  if (!log.some((e) => e.action === 'step-closed' && aboutTask(taskId)(e))) return new ApiError(404, 'TASK_NOT_FOUND', '待办不存在');
  const done = doneLine(log, taskId);
  return alreadyDone(done?.actorId ? (await findStaff(db, done.actorId))?.name : undefined, done?.at);
}

function alreadyDone(by?: string, at?: number): ApiError {
  const when = at ? `于 ${new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} ` : '';
  return new ApiError(409, 'TASK_ALREADY_COMPLETED', `这项待办已${when}由${by ?? '他人'}办理完毕，请刷新待办列表`);
}
