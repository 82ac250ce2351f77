import type { Tx } from '../tx.js';
import { activate, terminate } from '../lifecycle.js';
import { propagate } from '../variables.js';
import { catchesNow } from '../trigger.js';

/**
 * A boundary event caught its event on the activity `hostKey` it sits on: it fires (a parallel
 * multiple one once all of its events have occurred).
 */
export function triggerBoundaryEvent(tx: Tx, hostKey: string, wait: number, variables: Record<string, unknown>): void {
  const boundaryId = tx.item(hostKey)!.waits![wait]!.el;
  if (catchesNow(tx, hostKey, wait)) triggerBoundary(tx, hostKey, boundaryId, variables);
}

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
