import type { Wait } from './state.js';
import type { Tx } from './tx.js';
import { EngineError } from '../errors.js';
import { complete } from './lifecycle.js';
import { nextDue, openWaits, replaceWait, waitsFor } from './waits.js';
import { guarded } from './evaluate.js';
import { outgoingOfActivity, takeFlows } from './flows.js';
import { behaviourOf } from './behaviours/index.js';

/**
 * Something an item waited for has happened (a message, a signal, a timer, a condition).
 * The element whose event it is decides what follows: the event itself, the event-based
 * gateway before it, a boundary event on the item, or an event sub-process listening on the scope.
 */
export function trigger(tx: Tx, key: string, index: number, variables: Record<string, unknown> = {}, due?: number): void {
  const item = tx.item(key);
  const slot = item?.waits?.[index];
  if (!item || !slot) throw new EngineError('WAIT_GONE', `element instance ${key} no longer waits for event #${index}`, { key, wait: index });
  // A cycle re-armed since this delivery was sent must not fire its next repetition early.
  if (due !== undefined && (slot.k !== 'timer' || slot.due !== due)) {
    throw new EngineError('WAIT_GONE', `element instance ${key} no longer waits for the timer due at ${due}`, { key, wait: index, due });
  }
  behaviourOf(tx.element(slot.el).kind).trigger(tx, key, index, variables);
}

/**
 * The item's own event has occurred: it completes. A parallel multiple catch completes once
 * all of its events have occurred; a catch event on a timer cycle passes a token on at every
 * repetition and completes at the last.
 */
export function eventOccurred(tx: Tx, key: string, index: number, variables: Record<string, unknown>): void {
  const item = tx.item(key)!;
  const element = tx.element(item.el);
  if (repeatsCycle(tx, key, index)) return;
  if (!element.parallelMultiple) return complete(tx, key, variables);
  const got = [...(item.got ?? []), index];
  replaceWait(tx, key, index, null);
  tx.emit({ t: 'changed', key, data: { got } });
  const open = (tx.item(key)!.waits ?? []).filter((w) => w !== null).length;
  if (open === 0) complete(tx, key, variables);
}

/**
 * A boundary event or an event sub-process start caught one of its events on the item `key`
 * that listens for it (the activity, the scope). Returns whether it fires now: a parallel
 * multiple one not before all of its events have occurred. A non-interrupting one listens on.
 */
export function catchesNow(tx: Tx, key: string, index: number): boolean {
  const slot = tx.item(key)!.waits![index]!;
  const element = tx.element(slot.el);
  if (element.parallelMultiple) return allOccurred(tx, key, index);
  if (!element.interrupting) rearm(tx, key, index, slot);
  return true;
}

/**
 * A parallel multiple boundary or event sub-process start fires once every one of its events
 * has occurred: each that occurs is spent until then. A non-interrupting one then listens for
 * all of them again.
 */
function allOccurred(tx: Tx, key: string, index: number): boolean {
  const el = tx.item(key)!.waits![index]!.el;
  replaceWait(tx, key, index, null);
  if ((tx.item(key)!.waits ?? []).some((w) => w?.el === el)) return false;
  const element = tx.element(el);
  if (!element.interrupting) {
    const waits = guarded(tx, key, () => waitsFor(tx, key, el, element.events));
    if (waits) openWaits(tx, key, waits);
  }
  return true;
}

/**
 * A catch event on a timer cycle passes a token on at every repetition and stays until the
 * last one, which completes it. Returns true when it stays.
 */
function repeatsCycle(tx: Tx, key: string, index: number): boolean {
  const slot = tx.item(key)!.waits![index]!;
  if (slot.k !== 'timer') return false;
  const element = tx.element(slot.el);
  const timer = element.events.find((e) => e.kind === 'timer');
  if (timer?.kind !== 'timer' || timer.timer.type !== 'cycle') return false;
  const due = guarded(tx, key, () => nextDue(tx, key, timer.timer, slot.due, slot.n + 1));
  if (!due) return due === undefined;
  replaceWait(tx, key, index, { ...slot, due, n: slot.n + 1 });
  const flows = guarded(tx, key, () => outgoingOfActivity(tx, key, element));
  if (flows) takeFlows(tx, element, flows, tx.item(key)!.parent!);
  return true;
}

/**
 * A non-interrupting event may occur again: a cycle timer is re-armed for its next
 * repetition (counted from the firing it replaces), a one-off timer is spent, messages and signals keep listening.
 */
function rearm(tx: Tx, key: string, index: number, slot: Wait): void {
  if (slot.k !== 'timer') return;
  const timer = tx.element(slot.el).events.find((e) => e.kind === 'timer');
  if (timer?.kind !== 'timer' || timer.timer.type !== 'cycle') return replaceWait(tx, key, index, null);
  const due = guarded(tx, key, () => nextDue(tx, key, timer.timer, slot.due, slot.n + 1));
  replaceWait(tx, key, index, due ? { ...slot, due, n: slot.n + 1 } : null);
}
