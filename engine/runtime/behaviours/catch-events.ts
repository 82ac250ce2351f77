import type { Tx } from '../tx.js';
import { guarded } from '../evaluate.js';
import { leave } from '../lifecycle.js';
import { openWaits, waitsFor } from '../waits.js';
import { eventOccurred } from '../trigger.js';
import { chooseEventPath } from './gateways.js';

/** A catch event waits for its definitions: any one of them, or all with parallelMultiple. */
export function enterCatchEvent(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  if (element.events.some((e) => e.kind === 'link')) return leave(tx, key);
  const waits = guarded(tx, key, () => waitsFor(tx, key, element.id, element.events));
  if (!waits) return;
  if (waits.length === 0) {
    tx.emit({ t: 'incident', key, code: 'NOTHING_TO_WAIT_FOR', message: `catch event "${element.id}" has no event it can wait for (a timer already past its last repetition?)` });
    return;
  }
  openWaits(tx, key, waits);
}

/**
 * The event a catch event (or a receive task) waits for has occurred: on its own item it
 * completes; waited for by the event-based gateway before it, the gateway takes its path.
 */
export function triggerCatchEvent(tx: Tx, key: string, wait: number, variables: Record<string, unknown>): void {
  const item = tx.item(key)!;
  const catcher = item.waits![wait]!.el;
  if (catcher === item.el) return eventOccurred(tx, key, wait, variables);
  chooseEventPath(tx, key, catcher, variables);
}
