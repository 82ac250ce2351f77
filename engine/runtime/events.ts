import { EngineError } from '../errors.js';
import type { InstanceState, Item } from './state.js';
import { ROOT } from './state.js';

/**
 * The history format this engine writes: every event it writes says so in `v`. Version 0
 * (events with no `v`) is the format before versions were written; it replays as it always
 * did. A change to what an event means, or a new event, makes a new version; recordings of
 * each are kept under tests/engine/replay/recorded/vN/ and replayed by the test suite.
 *
 * Version 1 names the changes an auditor asks about instead of patching items: `assigned`
 * (a user task opened for a person or groups), `jobFailed`, `resolved` with the retries given,
 * `variablesSet` by an operator, and who (`by`) resolved, set or migrated, when told.
 */
export const HISTORY_FORMAT = 1;

/**
 * History events: facts, applied in order by `apply`. The runtime never changes state any
 * other way, so `replay(history)` rebuilds exactly what `step` produced.
 */
export type RuntimeEvent =
  | { t: 'started'; id: string; processId: string; definitionKey: string; parent?: InstanceState['parent']; businessKey?: string }
  | { t: 'activated'; key: string; el: string; parent: string; via?: string; data?: Partial<Item> }
  | { t: 'changed'; key: string; data: Partial<Item> }
  | { t: 'completed'; key: string; el: string }
  | { t: 'terminated'; key: string; el: string }
  | { t: 'vars'; scope: string; values: Record<string, unknown> }
  | { t: 'arrived'; scope: string; el: string; flow: string }
  | { t: 'joined'; scope: string; el: string; flows: string[] }
  | { t: 'cleared'; scope: string }
  | { t: 'incident'; key: string; code: string; message: string }
  /** An operator fixed the cause. Since v1 a job's `retries` are given here (v0: a `changed` after it). */
  | { t: 'resolved'; key: string; retries?: number; by?: string }
  | { t: 'thrown'; key: string; kind: 'error' | 'escalation'; code?: string; caught: boolean }
  | { t: 'ended'; status: 'completed' | 'terminated' }
  | { t: 'migrated'; processId: string; definitionKey: string; renames: Record<string, string>; by?: string }
  | { t: 'claimed'; key: string; assignee: string }
  | { t: 'unclaimed'; key: string }
  | { t: 'handedOn'; key: string; to: string; by?: string; reason: string }
  /** v1: a user task opened for a person, candidate groups or users (who holds it is `claimed`, `handedOn`). */
  | { t: 'assigned'; key: string; assignee?: string; candidateGroups?: string[]; candidateUsers?: string[] }
  /** v1: a worker gave up on a job; `retryAt` when it goes back to workers (retries left), else an `incident` follows. */
  | { t: 'jobFailed'; key: string; message: string; retries: number; failures: number; retryAt?: number }
  /** v1: variables set on a scope from outside the model (an operator), not by the process itself (`vars`). */
  | { t: 'variablesSet'; scope: string; values: Record<string, unknown>; by?: string };

/** An event as stored: its format version (none: 0), its place in the history and the time it happened. */
export type HistoryEvent = RuntimeEvent & { v?: number; seq: number; at: number };

/** The format an event was written in (no `v`: version 0). Pure. */
export function formatOf(event: object): number {
  return (event as { v?: number }).v ?? 0;
}

export function emptyState(id: string): InstanceState {
  return { id, processId: '', definitionKey: '', status: 'active', seq: 0, next: 1, items: {}, vars: {}, joins: {} };
}

/**
 * Applies one event to a state, in place. Pure in effect: same state and event, same result.
 * Events of every format up to HISTORY_FORMAT apply; the types v1 added never appear in v0, and
 * no type has changed meaning, so one applier per type serves every version so far.
 * @throws EngineError HISTORY_FORMAT_UNKNOWN for an event written by a newer engine.
 */
export function apply(state: InstanceState, event: RuntimeEvent): void {
  const format = formatOf(event);
  if (!(format >= 0 && format <= HISTORY_FORMAT)) {
    throw new EngineError('HISTORY_FORMAT_UNKNOWN', `event ${state.seq} of instance ${state.id} is in history format ${String(format)}; this engine reads formats 0 to ${HISTORY_FORMAT}`, { instanceId: state.id, seq: state.seq, format });
  }
  state.seq += 1;
  switch (event.t) {
    case 'started':
      state.id = event.id;
      state.processId = event.processId;
      state.definitionKey = event.definitionKey;
      if (event.parent) state.parent = event.parent;
      if (event.businessKey !== undefined) state.businessKey = event.businessKey;
      state.items[ROOT] = { el: event.processId };
      return;
    case 'activated':
      state.items[event.key] = { el: event.el, parent: event.parent, ...event.data };
      state.next = Math.max(state.next, Number(event.key) + 1);
      return;
    case 'changed':
      return change(state.items[event.key], event.data);
    case 'completed':
    case 'terminated':
      delete state.items[event.key];
      delete state.joins[event.key];
      // The root's variables outlive it: they are the instance's result.
      if (event.key !== ROOT) delete state.vars[event.key];
      return;
    case 'vars':
    case 'variablesSet':
      state.vars[event.scope] = { ...state.vars[event.scope], ...event.values };
      return;
    case 'arrived':
      return arrive(state, event.scope, event.el, event.flow);
    case 'joined':
      return consume(state, event.scope, event.el, event.flows);
    case 'cleared':
      delete state.joins[event.scope];
      return;
    case 'incident':
      return change(state.items[event.key], { incident: { code: event.code, message: event.message } });
    case 'resolved':
      return resolve(state.items[event.key], event.retries);
    case 'jobFailed':
      return failJob(state.items[event.key], event.retries, event.failures);
    case 'thrown':
    case 'assigned':
      return;
    case 'ended':
      state.status = event.status;
      return;
    case 'migrated':
      return migrate(state, event.processId, event.definitionKey, event.renames);
    case 'claimed':
      return change(state.items[event.key], { assignee: event.assignee });
    case 'unclaimed':
      return change(state.items[event.key], { assignee: undefined });
    case 'handedOn':
      return change(state.items[event.key], { assignee: event.to });
  }
}

/** Moves a state onto another definition version, renaming element ids as planned. */
function migrate(state: InstanceState, processId: string, definitionKey: string, renames: Record<string, string>): void {
  const rename = (id: string) => renames[id] ?? id;
  state.processId = processId;
  state.definitionKey = definitionKey;
  for (const [key, item] of Object.entries(state.items)) {
    item.el = key === ROOT ? processId : rename(item.el);
    if (item.waits) item.waits = item.waits.map((w) => (w ? { ...w, el: rename(w.el) } : w));
    if (item.comp) item.comp = item.comp.map(rename);
  }
  for (const [scope, byElement] of Object.entries(state.joins)) {
    state.joins[scope] = Object.fromEntries(Object.entries(byElement).map(([el, counts]) => [rename(el), counts]));
  }
}

/** The incident goes; a job, given retries, goes back to workers with its failures forgotten. */
function resolve(item: Item | undefined, retries: number | undefined): void {
  change(item, { incident: undefined });
  if (item?.job && retries !== undefined) item.job = { type: item.job.type, retries };
}

function failJob(item: Item | undefined, retries: number, failures: number): void {
  if (item?.job) item.job = { type: item.job.type, retries, failures };
}

function change(item: Item | undefined, data: Partial<Item>): void {
  if (!item) return;
  for (const [name, value] of Object.entries(data)) {
    if (value === undefined) delete (item as unknown as Record<string, unknown>)[name];
    else (item as unknown as Record<string, unknown>)[name] = value;
  }
}

function arrive(state: InstanceState, scope: string, el: string, flow: string): void {
  const byElement = (state.joins[scope] ??= {});
  const counts = (byElement[el] ??= {});
  counts[flow] = (counts[flow] ?? 0) + 1;
}

function consume(state: InstanceState, scope: string, el: string, flows: string[]): void {
  const counts = state.joins[scope]?.[el];
  if (!counts) return;
  for (const flow of flows) {
    const left = (counts[flow] ?? 0) - 1;
    if (left > 0) counts[flow] = left;
    else delete counts[flow];
  }
  if (Object.keys(counts).length === 0) delete state.joins[scope]![el];
  if (Object.keys(state.joins[scope]!).length === 0) delete state.joins[scope];
}

/** Rebuilds a state from its history (or any prefix of it). Pure. */
export function replay(events: readonly RuntimeEvent[], id = ''): InstanceState {
  const state = emptyState(id);
  for (const event of events) apply(state, event);
  return state;
}
