import type { EventDefinition } from '../../model/graph.js';
import type { Tx } from '../tx.js';
import { guarded } from '../evaluate.js';
import { activate, leave, terminate } from '../lifecycle.js';
import { broadcastSignal, publishMessage } from '../publish.js';
import { throwEvent } from '../throw.js';
import { compensate } from '../compensation.js';
import { enterJobTask } from './tasks.js';

/** Throw events do what their definition says, then pass the token on (if still alive). */
export function enterThrowEvent(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  if (element.job) return enterJobTask(tx, key);
  for (const event of inThrowOrder(element.events)) {
    if (!throwOne(tx, key, event)) return;
    if (!tx.item(key)) return;
  }
  leave(tx, key);
}

/**
 * A multiple throw or end event throws each of its events: messages and signals first, as
 * nothing that catches them can stop the thrower, then the rest in the model's order (an error
 * or escalation caught by an interrupting catcher ends the thrower, and what would follow it).
 */
function inThrowOrder(events: readonly EventDefinition[]): EventDefinition[] {
  const sent = (e: EventDefinition) => e.kind === 'message' || e.kind === 'signal';
  return [...events.filter(sent), ...events.filter((e) => !sent(e))];
}

export function enterEndEvent(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  if (element.job) return enterJobTask(tx, key);
  const item = tx.item(key)!;
  for (const event of inThrowOrder(element.events)) {
    if (event.kind === 'terminate') {
      for (const sibling of tx.children(item.parent!)) if (sibling !== key) terminate(tx, sibling);
      if (tx.state.joins[item.parent!]) tx.emit({ t: 'cleared', scope: item.parent! });
      continue;
    }
    if (!throwOne(tx, key, event)) return;
    if (!tx.item(key)) return;
  }
  leaveEndEvent(tx, key);
}

/** An end event leaves by no flow: its token ends there. */
export function leaveEndEvent(tx: Tx, key: string): void {
  leave(tx, key, []);
}

/**
 * Carries out one thrown event definition. Returns false when the item must stay
 * (waiting for compensation, or held by an incident).
 */
function throwOne(tx: Tx, key: string, event: EventDefinition): boolean {
  switch (event.kind) {
    case 'message':
      return guarded(tx, key, () => publishMessage(tx, key, [event])) !== undefined;
    case 'signal':
      broadcastSignal(tx, key, event.name);
      return true;
    case 'error':
    case 'escalation':
      throwEvent(tx, key, event.kind, event.code);
      return event.kind === 'escalation';
    case 'compensate':
      return !compensate(tx, key, event.activityRef);
    case 'cancel':
      return !compensate(tx, key, undefined, true);
    case 'link':
      linkTo(tx, key, event.name);
      return true;
    default:
      return true;
  }
}

/** A link throw continues at the link catch of the same name in the same scope. */
function linkTo(tx: Tx, key: string, name: string): void {
  const item = tx.item(key)!;
  const scopeId = tx.element(item.el).scopeId;
  const target = Object.values(tx.ctx.definition.elements).find((e) =>
    e.scopeId === scopeId && e.kind === 'intermediateCatchEvent' && e.events.some((d) => d.kind === 'link' && d.name === name));
  if (target) activate(tx, target.id, item.parent!);
}
