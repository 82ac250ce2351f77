import type { Tx } from './tx.js';
import { ROOT } from './state.js';
import { activate, terminate } from './lifecycle.js';
import { scopeChain } from './variables.js';
import { triggerBoundary } from './behaviours/boundary-events.js';
import { behaviourOf } from './behaviours/index.js';

/**
 * Compensates completed activities of the thrower's scope, newest first (or only
 * `activityRef`), by starting their compensation handlers. With `cancel`, the scope is the
 * enclosing transaction and, once the handlers are done, its cancel boundary event fires.
 * Returns true when the thrower must wait for handlers (or was ended by the cancel).
 */
export function compensate(tx: Tx, throwerKey: string, activityRef?: string, cancel = false): boolean {
  const scopeKey = cancel ? enclosingTransaction(tx, throwerKey) : compensationScope(tx, throwerKey);
  const done = cancel ? stopTransaction(tx, scopeKey, throwerKey) : tx.item(scopeKey)?.comp ?? [];
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

/**
 * The scope whose completed activities a compensation throw undoes: its own; thrown inside an
 * event sub-process, the scope the event sub-process belongs to (what it handles went wrong there).
 */
function compensationScope(tx: Tx, throwerKey: string): string {
  const scopeKey = tx.item(throwerKey)!.parent ?? ROOT;
  const scope = tx.item(scopeKey);
  return scopeKey !== ROOT && scope && tx.element(scope.el).triggeredByEvent ? scope.parent ?? ROOT : scopeKey;
}

/**
 * A cancelled transaction stops its other work before it undoes what was done; returns the
 * completed activities to undo. In one instance of a multi-instance transaction, the cancel
 * (caught on the whole activity) stops every instance and undoes what each completed.
 */
function stopTransaction(tx: Tx, transactionKey: string, throwerKey: string): string[] {
  const transaction = tx.item(transactionKey)!;
  const done: string[] = [];
  if (transaction.iteration !== undefined) {
    const bodyKey = transaction.parent!;
    done.push(...(tx.item(bodyKey)?.comp ?? []));
    if (tx.item(bodyKey)?.comp) tx.emit({ t: 'changed', key: bodyKey, data: { comp: undefined } });
    for (const sibling of tx.children(bodyKey).filter((key) => key !== transactionKey)) {
      done.push(...(tx.item(sibling)?.comp ?? []));
      terminate(tx, sibling);
    }
  }
  for (const child of tx.children(transactionKey)) if (!isAncestorOrSelf(tx, child, throwerKey)) terminate(tx, child);
  return [...done, ...(transaction.comp ?? [])];
}

function isAncestorOrSelf(tx: Tx, candidate: string, key: string): boolean {
  return scopeChain(tx, key).includes(candidate);
}

function enclosingTransaction(tx: Tx, key: string): string {
  return scopeChain(tx, key).find((k) => k !== ROOT && behaviourOf(tx.element(tx.item(k)!.el).kind).transaction) ?? ROOT;
}

/** A compensation handler finished; the thrower goes on once all of its handlers have. */
export function handlerDone(tx: Tx, throwerKey: string): void {
  const pending = Object.values(tx.state.items).some((item) => item.compensating === throwerKey);
  const thrower = tx.item(throwerKey);
  if (pending || !thrower) return;
  if (thrower.cancels) return cancelTransaction(tx, throwerKey);
  const behaviour = behaviourOf(tx.element(thrower.el).kind);
  tx.later(() => behaviour.leave(tx, throwerKey));
}

function cancelTransaction(tx: Tx, throwerKey: string): void {
  const transaction = tx.item(throwerKey)?.cancels;
  const item = transaction ? tx.item(transaction) : undefined;
  if (!item) return;
  const element = tx.element(item.el);
  const boundary = element.boundaries.find((id) => tx.element(id).events.some((e) => e.kind === 'cancel'));
  // The boundary sits on the whole activity: for a multi-instance transaction, on its body.
  if (boundary) triggerBoundary(tx, item.iteration !== undefined ? item.parent! : transaction!, boundary);
}
