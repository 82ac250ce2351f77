import type { CompiledExpression } from '../../expressions/index.js';
import { EngineError } from '../../errors.js';
import type { Tx } from '../tx.js';
import { guarded, stringsOf, valueIn } from '../evaluate.js';
import { complete, leave } from '../lifecycle.js';
import { openWaits, waitsFor } from '../waits.js';
import { publishMessage } from '../publish.js';
import { assigned } from '../assignment.js';

/** Tasks without work of their own (abstract task, manual task) pass the token on. */
export function enterPassThrough(tx: Tx, key: string): void {
  leave(tx, key);
}

/** Service, business-rule and job-backed tasks: a job for a worker of the task's type. */
export function enterJobTask(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const job = element.job;
  if (!job) return enterPassThrough(tx, key);
  const spec = guarded(tx, key, () => ({ type: jobType(valueIn(tx, key, job.type), job.type, element.id), retries: Number(valueIn(tx, key, job.retries)) }));
  if (!spec) return;
  dispatchJob(tx, key, spec.type, spec.retries);
}

/**
 * Zeebe's rule: a job type is text. One computed to anything else (null when a variable is
 * missing) is an incident on the task, where it can be fixed, not a job no worker asks for.
 */
function jobType(value: unknown, expression: CompiledExpression, elementId: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new EngineError('EXPRESSION_INVALID', `the job type of "${elementId}" ("=${expression.text}") evaluated to ${JSON.stringify(value) ?? 'nothing'}, not a text`);
}

/** Hands a job out when its element is entered: the item keeps the job's type and retries, and waits for a worker. */
export function dispatchJob(tx: Tx, key: string, type: string, retries: number): void {
  const element = tx.element(tx.item(key)!.el);
  tx.emit({ t: 'changed', key, data: { job: { type, retries } } });
  if (!(tx.item(key)!.waits ?? []).some((w) => w?.k === 'job')) openWaits(tx, key, [{ k: 'job', el: element.id }]);
  offerJob(tx, key);
}

/**
 * Tells workers the item's job is there, as it now stands. `availableAt` marks a job handed out
 * once more (after a failure or an incident): the instant it becomes available, so every hand-out
 * of one job is told apart (queues key their deliveries on it).
 */
export function offerJob(tx: Tx, key: string, availableAt?: number): void {
  const item = tx.item(key)!;
  const element = tx.element(item.el);
  const { type, retries } = item.job!;
  tx.effect({
    type: 'job.created', key, elementId: element.id, jobType: type, retries, headers: { ...element.job?.headers },
    ...(availableAt !== undefined ? { availableAt } : {}),
  });
}

/** A user task waits in someone's inbox; assignment is evaluated once, when it opens. */
export function enterUserTask(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const spec = element.userTask;
  const assignment = guarded(tx, key, () => {
    const read = (e: Parameters<typeof valueIn>[2] | undefined) => (e ? valueIn(tx, key, e) : undefined);
    const assignee = read(spec?.assignee);
    return {
      assignee: assignee === undefined || assignee === null || assignee === '' ? undefined : String(assignee),
      candidateGroups: stringsOf(read(spec?.candidateGroups)),
      candidateUsers: stringsOf(read(spec?.candidateUsers)),
      dueDate: optionalString(read(spec?.dueDate)),
      followUpDate: optionalString(read(spec?.followUpDate)),
    };
  });
  if (!assignment) return;
  openWaits(tx, key, [{ k: 'task', el: element.id }]);
  assigned(tx, key, assignment);
  tx.effect({
    type: 'task.created', key, elementId: element.id, name: element.name, ...assignment,
    formKey: spec?.formKey, properties: { ...element.properties, ...spec?.headers },
  });
}

function optionalString(value: unknown): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** A FEEL script runs inside the step; a script with a job definition goes to a worker. */
export function enterScriptTask(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  if (element.job) return enterJobTask(tx, key);
  const script = element.script;
  if (!script) return enterPassThrough(tx, key);
  const result = guarded(tx, key, () => ({ value: valueIn(tx, key, script.expression) }));
  if (!result) return;
  complete(tx, key, script.resultVariable ? { [script.resultVariable]: result.value } : {});
}

export function enterSendTask(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  if (element.job) return enterJobTask(tx, key);
  const sent = guarded(tx, key, () => publishMessage(tx, key, element.events));
  if (sent !== undefined) leave(tx, key);
}

export function enterReceiveTask(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const waits = guarded(tx, key, () => waitsFor(tx, key, element.id, element.events));
  if (waits) openWaits(tx, key, waits);
}
