import { EngineError } from '../errors.js';
import type { Command } from './commands.js';
import type { StepContext } from './context.js';
import type { Effect } from './effects.js';
import type { HistoryEvent } from './events.js';
import { emptyState } from './events.js';
import type { InstanceState } from './state.js';
import { ROOT } from './state.js';
import { Tx } from './tx.js';
import { activateOccurred, complete, enter, terminateInstance } from './lifecycle.js';
import { openScope } from './behaviours/scopes.js';
import { setFromOutside, setLocal } from './variables.js';
import { settleJoins } from './flows.js';
import { closeWaits, risenConditions } from './waits.js';
import { trigger } from './trigger.js';
import { throwEvent } from './throw.js';
import { offerJob } from './behaviours/tasks.js';
import { claim, handOn, unclaim } from './assignment.js';

export interface StepResult {
  state: InstanceState;
  events: HistoryEvent[];
  effects: Effect[];
}

/** How many rounds of conditional events and inclusive joins one step may settle. */
const SETTLE_ROUNDS = 100;

/**
 * The engine's transition function. Pure: the same state, command and context always give
 * the same result, and the input state is never changed. Ids and time come from `ctx`.
 * Throws EngineError for a command that does not apply (unknown or stale element instance).
 */
export function step(state: InstanceState | undefined, command: Command, ctx: StepContext): StepResult {
  return advance(state ? structuredClone(state) : emptyState(''), command, ctx);
}

/**
 * `step` for a caller that owns `working` (a snapshot it has just loaded, which nobody else
 * holds): changes it in place instead of copying it first, and returns it as the new state.
 * Same result as `step`; pure except that it consumes its input, which is garbage on a throw.
 */
export function advance(working: InstanceState, command: Command, ctx: StepContext): StepResult {
  if (command.type !== 'start' && working.status !== 'active') {
    throw new EngineError('INSTANCE_ENDED', `instance ${working.id} has ${working.status}; it takes no more commands`, { instanceId: working.id });
  }
  const tx = new Tx(working, ctx);
  dispatch(tx, command);
  settle(tx);
  return { state: tx.state, events: tx.events, effects: tx.effects };
}

function settle(tx: Tx): void {
  tx.run();
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const risen = risenConditions(tx);
    for (const { key, wait } of risen) if (tx.item(key)?.waits?.[wait]) trigger(tx, key, wait);
    tx.run();
    const joined = settleJoins(tx);
    tx.run();
    if (risen.length === 0 && !joined) return;
  }
}

function dispatch(tx: Tx, command: Command): void {
  switch (command.type) {
    case 'start': return start(tx, command);
    case 'complete': return completeWaiting(tx, command);
    case 'fail': return fail(tx, waiting(tx, command.key, ['job']), command);
    case 'throwError':
      throwEvent(tx, waiting(tx, command.key, ['job', 'task']), 'error', command.code, command.variables);
      return;
    case 'trigger': return trigger(tx, command.key, command.wait, command.variables, command.due);
    case 'childEnded': return childEnded(tx, waiting(tx, command.key, ['child']), command);
    case 'childEscalated':
      throwEvent(tx, waiting(tx, command.key, ['child']), 'escalation', command.code, command.variables);
      return;
    case 'setVariables': return setFromOutside(tx, existing(tx, command.scope ?? ROOT), command.variables, command.by);
    case 'resolveIncident': return resolve(tx, command);
    case 'incident': return tx.emit({ t: 'incident', key: existing(tx, command.key), code: command.code, message: command.message });
    case 'cancel': return terminateInstance(tx);
    // Planned and checked by planMigration; ctx.definition is already the target version.
    case 'migrate': return migrate(tx, command);
    case 'claim': return claim(tx, command.key, command.assignee);
    case 'unclaim': return unclaim(tx, command.key);
    case 'handOn': return handOn(tx, command);
  }
}

/** A job or task done; a task's close carries the answer, its time and who gave it. */
function completeWaiting(tx: Tx, { key, variables, by }: Extract<Command, { type: 'complete' }>): void {
  const item = waiting(tx, key, ['job', 'task']);
  if (tx.item(item)!.waits?.some((w) => w?.k === 'task')) tx.completing = { key: item, variables: variables ?? {}, at: tx.ctx.now, ...(by ? { by } : {}) };
  complete(tx, item, variables);
}

function start(tx: Tx, command: Extract<Command, { type: 'start' }>): void {
  const id = tx.state.id;
  if (tx.state.seq > 0) throw new EngineError('INSTANCE_EXISTS', `instance ${id} has already started`, { instanceId: id });
  const definition = tx.ctx.definition;
  const starts = command.startEvent ? [command.startEvent] : definition.scope.noneStarts;
  if (starts.length === 0) {
    throw new EngineError('NO_START_EVENT', `process "${definition.id}" has no none start event; start it with a message, signal or timer`, { processId: definition.id });
  }
  tx.emit({ t: 'started', id, processId: definition.id, definitionKey: command.definitionKey, ...(command.parent ? { parent: command.parent } : {}), ...(command.businessKey ? { businessKey: command.businessKey } : {}) });
  setLocal(tx, ROOT, command.variables ?? {});
  if (command.startEvent) {
    openScope(tx, ROOT, { ...definition.scope, noneStarts: [] });
    activateOccurred(tx, command.startEvent, ROOT, undefined, {});
  } else {
    openScope(tx, ROOT, definition.scope);
  }
}

/** Moves the instance to another version; open tasks and jobs on renamed elements follow. */
function migrate(tx: Tx, { definitionKey, renames, by }: Extract<Command, { type: 'migrate' }>): void {
  tx.emit({ t: 'migrated', processId: tx.ctx.definition.id, definitionKey, renames, ...(by ? { by } : {}) });
  for (const [key, item] of Object.entries(tx.state.items)) {
    if (!Object.values(renames).includes(item.el)) continue;
    const waits = item.waits ?? [];
    if (waits.some((w) => w?.k === 'task')) tx.effect({ type: 'task.moved', key, elementId: item.el, name: tx.element(item.el).name });
    if (waits.some((w) => w?.k === 'job')) tx.effect({ type: 'job.moved', key, elementId: item.el });
  }
}

function existing(tx: Tx, key: string): string {
  if (!tx.item(key)) throw new EngineError('ELEMENT_INSTANCE_NOT_FOUND', `instance ${tx.state.id} has no active element instance ${key}`, { instanceId: tx.state.id, key });
  return key;
}

/** The key of an item that waits for one of `kinds` and is not held by an incident. */
function waiting(tx: Tx, key: string, kinds: string[]): string {
  const item = tx.item(existing(tx, key))!;
  if (!(item.waits ?? []).some((w) => w && kinds.includes(w.k))) {
    throw new EngineError('NOT_WAITING', `element "${item.el}" (${key}) is not waiting for a ${kinds.join(' or ')}`, { key, elementId: item.el });
  }
  return key;
}

/**
 * A worker gave up on a job. With retries left it goes back to workers, after the backoff;
 * the failures are counted so a runner can grow its backoff. With none left: an incident.
 */
function fail(tx: Tx, key: string, { retries, message, backoffMs }: Extract<Command, { type: 'fail' }>): void {
  const failures = (tx.item(key)!.job!.failures ?? 0) + 1;
  if (retries > 0) {
    const retryAt = tx.ctx.now + Math.max(0, backoffMs ?? 0);
    tx.emit({ t: 'jobFailed', key, message, retries, failures, retryAt });
    return offerJob(tx, key, retryAt);
  }
  tx.emit({ t: 'jobFailed', key, message, retries: 0, failures });
  tx.emit({ t: 'incident', key, code: 'JOB_NO_RETRIES', message });
  tx.effect({ type: 'job.failed', key, message });
}

function childEnded(tx: Tx, key: string, command: Extract<Command, { type: 'childEnded' }>): void {
  if (!command.error) return complete(tx, key, command.variables, tx.element(tx.item(key)!.el).call?.propagateAll !== false);
  throwEvent(tx, key, 'error', command.error.code, command.variables);
}

/** An operator fixed the cause: a job goes back to workers (with `retries`, default 1), anything else runs again. */
function resolve(tx: Tx, { key, retries, by }: Extract<Command, { type: 'resolveIncident' }>): void {
  const item = tx.item(existing(tx, key))!;
  const incident = item.incident;
  if (!incident) throw new EngineError('NO_INCIDENT', `element instance ${key} has no open incident`, { key });
  tx.emit({ t: 'resolved', key, ...(item.job ? { retries: retries ?? 1 } : {}), ...(by ? { by } : {}) });
  if (item.job) return offerJob(tx, key, tx.ctx.now);
  if (incident.code === 'UNHANDLED_ERROR') return;
  // Whatever the item had opened before it stopped is withdrawn, so entering again starts clean.
  closeWaits(tx, key, 'cancelled');
  tx.emit({ t: 'changed', key, data: { waits: undefined } });
  tx.later(() => enter(tx, key));
}
