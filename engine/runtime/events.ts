import type { InstanceState, Item } from './state.js';
import { ROOT } from './state.js';

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
  | { t: 'resolved'; key: string }
  | { t: 'thrown'; key: string; kind: 'error' | 'escalation'; code?: string; caught: boolean }
  | { t: 'ended'; status: 'completed' | 'terminated' }
  | { t: 'migrated'; processId: string; definitionKey: string; renames: Record<string, string> }
  | { t: 'claimed'; key: string; assignee: string }
  | { t: 'unclaimed'; key: string }
  | { t: 'handedOn'; key: string; to: string; by?: string; reason: string };

/** An event as stored: its place in the history and the time it happened. */
export type HistoryEvent = RuntimeEvent & { seq: number; at: number };

export function emptyState(id: string): InstanceState {
  return { id, processId: '', definitionKey: '', status: 'active', seq: 0, next: 1, items: {}, vars: {}, joins: {} };
}

/** Applies one event to a state, in place. Pure in effect: same state and event, same result. */
export function apply(state: InstanceState, event: RuntimeEvent): void {
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
      return change(state.items[event.key], { incident: undefined });
    case 'thrown':
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
