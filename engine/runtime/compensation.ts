import type { Tx } from './tx.js';
import { ROOT } from './state.js';
import { activate, leave, terminate } from './lifecycle.js';
import { scopeChain } from './variables.js';
import { triggerBoundary } from './catch.js';

/**
 * Compensates completed activities of the thrower's scope, newest first (or only
 * `activityRef`), by starting their compensation handlers. With `cancel`, the scope is the
 * enclosing transaction and, once the handlers are done, its cancel boundary event fires.
 * Returns true when the thrower must wait for handlers (or was ended by the cancel).
 */
export function compensate(tx: Tx, throwerKey: string, activityRef?: string, cancel = false): boolean {
  const scopeKey = cancel ? enclosingTransaction(tx, throwerKey) : tx.item(throwerKey)!.parent ?? ROOT;
  // A cancelled transaction stops its other work before it undoes what was done.
  if (cancel) for (const child of tx.children(scopeKey)) if (!isAncestorOrSelf(tx, child, throwerKey)) terminate(tx, child);
  const done = tx.item(scopeKey)?.comp ?? [];
  const targets = activityRef ? done.filter((id) => id === activityRef) : [...done].reverse();
  if (targets.length > 0) {
    tx.emit({ t: 'changed', key: scopeKey, data: { comp: activityRef ? done.filter((id) => id !== activityRef) : undefined } });
  }
  if (cancel) tx.emit({ t: 'changed', key: throwerKey, data: { cancels: scopeKey } });
  if (targets.length === 0) {
    if (!cancel) return false;
    cancelTransaction(tx, throwerKey);
    return true;
  }
  for (const id of targets) {
    activate(tx, tx.element(id).compensationHandler!, scopeKey, undefined, { compensating: throwerKey });
  }
  return true;
}

function isAncestorOrSelf(tx: Tx, candidate: string, key: string): boolean {
  return scopeChain(tx, key).includes(candidate);
}

function enclosingTransaction(tx: Tx, key: string): string {
  return scopeChain(tx, key).find((k) => k !== ROOT && tx.element(tx.item(k)!.el).kind === 'transaction') ?? ROOT;
}

/** A compensation handler finished; the thrower goes on once all of its handlers have. */
export function handlerDone(tx: Tx, throwerKey: string): void {
  const pending = Object.values(tx.state.items).some((item) => item.compensating === throwerKey);
  const thrower = tx.item(throwerKey);
  if (pending || !thrower) return;
  if (thrower.cancels) return cancelTransaction(tx, throwerKey);
  const isEnd = tx.element(thrower.el).kind === 'endEvent';
  tx.later(() => leave(tx, throwerKey, isEnd ? [] : undefined));
}

function cancelTransaction(tx: Tx, throwerKey: string): void {
  const transaction = tx.item(throwerKey)?.cancels;
  if (!transaction || !tx.item(transaction)) return;
  const element = tx.element(tx.item(transaction)!.el);
  const boundary = element.boundaries.find((id) => tx.element(id).events.some((e) => e.kind === 'cancel'));
  if (boundary) triggerBoundary(tx, transaction, boundary);
}
