import type { ProcessDef } from '../model/graph.js';
import type { InstanceState } from './state.js';
import { ROOT } from './state.js';

/** Old element id -> new element id; ids left out keep their name. */
export type ElementMapping = Readonly<Record<string, string>>;

/**
 * Checks whether an instance can move from one definition version to another. Every live
 * element instance, every event it waits for and every token at a join must land on an
 * element of the same kind, in the same enclosing scope. Returns the reasons it cannot
 * (empty when it can) and the renames to apply. Pure.
 */
export function planMigration(state: InstanceState, from: ProcessDef, to: ProcessDef, mapping: ElementMapping) {
  const reasons: string[] = [];
  const target = (id: string) => mapping[id] ?? id;
  const check = (id: string, what: string) => {
    const before = from.elements[id];
    const after = to.elements[target(id)];
    if (!after) reasons.push(`${what} "${id}" has no counterpart "${target(id)}" in ${to.id}; map it to an element of the new version`);
    else if (before && before.kind !== after.kind) reasons.push(`${what} "${id}" is a ${before.kind} but "${after.id}" is a ${after.kind}`);
    else if (before && Boolean(before.loop) !== Boolean(after.loop)) reasons.push(`${what} "${id}" and "${after.id}" differ in being looped or multi-instance`);
    else if (before && target(before.scopeId) !== after.scopeId && before.scopeId !== from.id) reasons.push(`${what} "${id}" would move out of its sub-process "${before.scopeId}"`);
  };
  for (const [key, item] of Object.entries(state.items)) {
    if (key === ROOT) continue;
    check(item.el, 'active element');
    for (const wait of item.waits ?? []) if (wait && wait.el !== item.el) check(wait.el, 'event');
  }
  for (const byElement of Object.values(state.joins)) for (const el of Object.keys(byElement)) check(el, 'join');
  const renames: Record<string, string> = {};
  for (const [old, now] of Object.entries(mapping)) if (old !== now) renames[old] = now;
  return { reasons, renames };
}
