import type { EventDefinition, TimerDef } from '../model/graph.js';
import { timerDue } from '../time/index.js';
import type { Tx } from './tx.js';
import type { Wait } from './state.js';
import type { TaskCompletion } from './effects.js';
import { conditionIn, valueIn } from './evaluate.js';

/**
 * What an item waits for, and the effects that tell the outside world. Waits are never
 * removed from the middle of the list (their index is their address); a spent one is null.
 */
export type Slot = Wait | null;

/** Builds the waits for catch-event definitions owned by element `el` (the event itself, a boundary, a start). */
export function waitsFor(tx: Tx, key: string, el: string, events: readonly EventDefinition[]): Wait[] {
  const waits: Wait[] = [];
  for (const event of events) {
    if (event.kind === 'message') {
      const ck = event.correlationKey ? valueIn(tx, key, event.correlationKey) : undefined;
      waits.push({ k: 'msg', el, name: event.name, ...(ck === undefined || ck === null ? {} : { ck: String(ck) }) });
    } else if (event.kind === 'signal') {
      waits.push({ k: 'sig', el, name: event.name });
    } else if (event.kind === 'timer') {
      const due = nextDue(tx, key, event.timer, tx.ctx.now, 0);
      if (due !== null) waits.push({ k: 'timer', el, due, n: 0 });
    } else if (event.kind === 'conditional') {
      waits.push({ k: 'cond', el, v: false });
    }
  }
  return waits;
}

/** The next firing of a timer, or null when a cycle is spent. Throws on a bad value. */
export function nextDue(tx: Tx, key: string, timer: TimerDef, from: number, fired: number): number | null {
  const value = valueIn(tx, key, timer.value);
  if (typeof value !== 'string' || value === '') throw new Error(`timer on "${timer.value.elementId}" evaluated to ${JSON.stringify(value)}, not an ISO 8601 ${timer.type}`);
  return timerDue({ kind: timer.type, value }, { from, fired, calendar: tx.ctx.calendar, zone: tx.ctx.zone, workingDays: timer.workingDays });
}

/** Adds waits to an item and announces each one. Returns their indexes. */
export function openWaits(tx: Tx, key: string, waits: readonly Wait[]): number[] {
  if (waits.length === 0) return [];
  const current = (tx.item(key)?.waits ?? []) as Slot[];
  tx.emit({ t: 'changed', key, data: { waits: [...current, ...waits] as Wait[] } });
  return waits.map((wait, i) => {
    const index = current.length + i;
    announce(tx, key, index, wait);
    return index;
  });
}

function announce(tx: Tx, key: string, wait: number, slot: Wait): void {
  if (slot.k === 'msg') tx.effect({ type: 'message.subscribed', key, wait, name: slot.name, correlationKey: slot.ck });
  else if (slot.k === 'sig') tx.effect({ type: 'signal.subscribed', key, wait, name: slot.name });
  else if (slot.k === 'timer') tx.effect({ type: 'timer.scheduled', key, wait, due: slot.due });
}

/** Replaces one wait (a cycle timer re-armed) or spends it (null). */
export function replaceWait(tx: Tx, key: string, index: number, next: Wait | null): void {
  const current = [...((tx.item(key)?.waits ?? []) as Slot[])];
  const old = current[index];
  if (old) withdraw(tx, key, index, old);
  current[index] = next;
  tx.emit({ t: 'changed', key, data: { waits: current as Wait[] } });
  if (next) announce(tx, key, index, next);
}

/** Withdraws every open wait of an item (it is leaving). */
export function closeWaits(tx: Tx, key: string, outcome: 'completed' | 'cancelled'): void {
  const waits = (tx.item(key)?.waits ?? []) as Slot[];
  waits.forEach((slot, index) => {
    if (slot) withdraw(tx, key, index, slot, outcome);
  });
}

function withdraw(tx: Tx, key: string, wait: number, slot: Wait, outcome: 'completed' | 'cancelled' = 'cancelled'): void {
  if (slot.k === 'msg') tx.effect({ type: 'message.unsubscribed', key, wait });
  else if (slot.k === 'sig') tx.effect({ type: 'signal.unsubscribed', key, wait });
  else if (slot.k === 'timer') tx.effect({ type: 'timer.cancelled', key, wait, due: slot.due });
  else if (slot.k === 'job') tx.effect({ type: 'job.closed', key, outcome });
  else if (slot.k === 'task') tx.effect({ type: 'task.closed', key, outcome, ...completionOf(tx, key, outcome) });
  else if (slot.k === 'child' && outcome === 'cancelled') tx.effect({ type: 'child.cancelled', childId: slot.id });
}

/** What a task's close says of the command that completed it, if one did. */
function completionOf(tx: Tx, key: string, outcome: 'completed' | 'cancelled'): { completion?: TaskCompletion } {
  const completing = tx.completing;
  if (outcome !== 'completed' || completing?.key !== key) return {};
  const { key: _key, ...completion } = completing;
  return { completion };
}

/** Conditional waits whose condition has just become true (edge-triggered). */
export function risenConditions(tx: Tx): Array<{ key: string; wait: number }> {
  const risen: Array<{ key: string; wait: number }> = [];
  for (const [key, item] of Object.entries(tx.state.items)) {
    (item.waits as Slot[] | undefined)?.forEach((slot, wait) => {
      if (slot?.k !== 'cond') return;
      const event = tx.element(slot.el).events.find((e) => e.kind === 'conditional');
      const now = event?.kind === 'conditional' && safeCondition(tx, key, event.condition);
      if (now !== slot.v) replaceWaitQuietly(tx, key, wait, { ...slot, v: now });
      if (now && !slot.v) risen.push({ key, wait });
    });
  }
  return risen;
}

function safeCondition(tx: Tx, key: string, condition: Parameters<typeof conditionIn>[2]): boolean {
  try {
    return conditionIn(tx, key, condition);
  } catch {
    return false;
  }
}

function replaceWaitQuietly(tx: Tx, key: string, index: number, next: Wait): void {
  const current = [...((tx.item(key)?.waits ?? []) as Slot[])];
  current[index] = next;
  tx.emit({ t: 'changed', key, data: { waits: current as Wait[] } });
}
