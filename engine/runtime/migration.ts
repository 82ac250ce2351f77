import type { ProcessDef } from '../model/graph.js';
import type { InstanceState } from './state.js';
import { ROOT } from './state.js';

/** Old element id -> new element id; ids left out keep their name. */
export type ElementMapping = Readonly<Record<string, string>>;

/**
 * Why one element of an instance cannot move, as data a page can put in its own words:
 * `elementId` in the old version, `targetId` the element it would land on in the new one.
 */
export interface MigrationProblem {
  code: 'NO_COUNTERPART' | 'KIND_DIFFERS' | 'LOOP_DIFFERS' | 'LEAVES_SCOPE';
  /** What is there: a live element instance, an event it waits for, or a token at a join. */
  what: 'active element' | 'event' | 'join';
  elementId: string;
  targetId: string;
}

/**
 * Checks whether an instance can move from one definition version to another. Every live
 * element instance, every event it waits for and every token at a join must land on an
 * element of the same kind, in the same enclosing scope. Returns the problems (empty when it
 * can), the same in English (`reasons`), and the renames to apply. Pure.
 */
export function planMigration(state: InstanceState, from: ProcessDef, to: ProcessDef, mapping: ElementMapping) {
  const problems: MigrationProblem[] = [];
  const target = (id: string) => mapping[id] ?? id;
  const check = (id: string, what: MigrationProblem['what']) => {
    const code = problemAt(from, to, id, target);
    if (code) problems.push({ code, what, elementId: id, targetId: target(id) });
  };
  for (const [key, item] of Object.entries(state.items)) {
    if (key === ROOT) continue;
    check(item.el, 'active element');
    for (const wait of item.waits ?? []) if (wait && wait.el !== item.el) check(wait.el, 'event');
  }
  for (const byElement of Object.values(state.joins)) for (const el of Object.keys(byElement)) check(el, 'join');
  const renames: Record<string, string> = {};
  for (const [old, now] of Object.entries(mapping)) if (old !== now) renames[old] = now;
  return { problems, reasons: problems.map((p) => describeProblem(p, from, to)), renames };
}

function problemAt(from: ProcessDef, to: ProcessDef, id: string, target: (id: string) => string): MigrationProblem['code'] | undefined {
  const before = from.elements[id];
  const after = to.elements[target(id)];
  if (!after) return 'NO_COUNTERPART';
  if (!before) return undefined;
  if (before.kind !== after.kind) return 'KIND_DIFFERS';
  if (Boolean(before.loop) !== Boolean(after.loop)) return 'LOOP_DIFFERS';
  if (target(before.scopeId) !== after.scopeId && before.scopeId !== from.id) return 'LEAVES_SCOPE';
  return undefined;
}

/** A problem in the engine's English words, for logs and callers without words of their own. Pure. */
export function describeProblem(p: MigrationProblem, from: ProcessDef, to: ProcessDef): string {
  switch (p.code) {
    case 'NO_COUNTERPART': return `${p.what} "${p.elementId}" has no counterpart "${p.targetId}" in ${to.id}; map it to an element of the new version`;
    case 'KIND_DIFFERS': return `${p.what} "${p.elementId}" is a ${from.elements[p.elementId]?.kind} but "${p.targetId}" is a ${to.elements[p.targetId]?.kind}`;
    case 'LOOP_DIFFERS': return `${p.what} "${p.elementId}" and "${p.targetId}" differ in being looped or multi-instance`;
    case 'LEAVES_SCOPE': return `${p.what} "${p.elementId}" would move out of its sub-process "${from.elements[p.elementId]?.scopeId}"`;
  }
}
