import type { ElementDef, ScopeDef } from '../../model/graph.js';
import type { Slot } from '../waits.js';
import type { Tx } from '../tx.js';
import { activate, complete, terminate } from '../lifecycle.js';
import { propagate } from '../variables.js';
import { replaceWait } from '../waits.js';
import { catchesNow } from '../trigger.js';

/**
 * A start event inside a scope that has just begun: nothing to wait for, pass on. It
 * completes rather than only leaving, so its output mappings (Zeebe allows them on start
 * events, e.g. to set a counter before a loop) set variables in the scope.
 */
export function enterStartEvent(tx: Tx, key: string): void {
  complete(tx, key);
}

/**
 * An event sub-process's start event caught its event on the scope `scopeKey` that listens for
 * it: the event sub-process starts (a parallel multiple one once all of its events have occurred).
 */
export function triggerStartEvent(tx: Tx, scopeKey: string, wait: number, variables: Record<string, unknown>): void {
  const startId = tx.item(scopeKey)!.waits![wait]!.el;
  if (catchesNow(tx, scopeKey, wait)) startEventSubProcess(tx, scopeKey, startId, variables);
}

/**
 * An event sub-process starts in scope `scopeKey`. An interrupting one first ends everything
 * else in the scope and stops the scope's other event sub-processes from listening.
 */
export function startEventSubProcess(tx: Tx, scopeKey: string, startId: string, variables: Record<string, unknown> = {}): void {
  const start = tx.element(startId);
  const espId = start.scopeId;
  if (start.interrupting) {
    for (const child of tx.children(scopeKey)) terminate(tx, child);
    if (tx.state.joins[scopeKey]) tx.emit({ t: 'cleared', scope: scopeKey });
    stopListening(tx, scopeKey);
    tx.emit({ t: 'changed', key: scopeKey, data: { interrupted: true } });
  }
  const espKey = activate(tx, espId, scopeKey);
  propagate(tx, scopeKey, variables);
  activate(tx, startId, espKey);
}

function stopListening(tx: Tx, scopeKey: string): void {
  const waits = (tx.item(scopeKey)?.waits ?? []) as Slot[];
  waits.forEach((slot, index) => {
    if (slot && tx.element(slot.el).kind === 'startEvent') replaceWait(tx, scopeKey, index, null);
  });
}

/** The start events of a scope's event sub-processes, in document order: what the scope listens for. */
export function eventSubProcessStarts(tx: Tx, scope: ScopeDef): ElementDef[] {
  return scope.eventSubProcesses.flatMap((esp) => tx.element(esp).scope?.children ?? [])
    .map((id) => tx.element(id))
    .filter((e) => e.kind === 'startEvent');
}
