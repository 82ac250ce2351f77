import type { Slot } from './waits.js';
import type { Tx } from './tx.js';
import { activate, terminate } from './lifecycle.js';
import { propagate } from './variables.js';
import { replaceWait } from './waits.js';

/**
 * A boundary event fires on the item `hostKey`: an interrupting one ends the activity first;
 * then the boundary's own path starts in the activity's scope.
 */
export function triggerBoundary(tx: Tx, hostKey: string, boundaryId: string, variables: Record<string, unknown> = {}, interrupts = tx.element(boundaryId).interrupting): void {
  const host = tx.item(hostKey)!;
  const scope = host.parent!;
  if (interrupts) terminate(tx, hostKey);
  propagate(tx, scope, variables);
  activate(tx, boundaryId, scope);
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
