import type { Item } from './state.js';
import { ROOT } from './state.js';
import type { Tx } from './tx.js';
import { applyMappings } from '../expressions/index.js';
import { guarded, valueIn } from './evaluate.js';
import { propagate, setLocal, visibleVariables } from './variables.js';
import { closeWaits, openWaits, waitsFor } from './waits.js';
import { behaviourOf } from './behaviours/index.js';
import { outgoingOfActivity, takeFlows } from './flows.js';
import { iterationDone, startBody } from './body.js';
import { handlerDone } from './compensation.js';

/** Creates an item for an element in a scope and queues its entry. Returns its key. */
export function activate(tx: Tx, elementId: string, scope: string, via?: string, data?: Partial<Item>): string {
  const key = tx.newKey();
  tx.emit({ t: 'activated', key, el: elementId, parent: scope, ...(via ? { via } : {}), ...(data ? { data } : {}) });
  tx.later(() => enter(tx, key));
  return key;
}

/** Creates an item for an event that has already occurred (after an event-based gateway): it only leaves. */
export function activateOccurred(tx: Tx, elementId: string, scope: string, via: string | undefined, variables: Record<string, unknown>): void {
  const key = tx.newKey();
  tx.emit({ t: 'activated', key, el: elementId, parent: scope, ...(via ? { via } : {}) });
  tx.later(() => complete(tx, key, variables));
}

/** Runs an item's behaviour: a looped activity first becomes a body wrapping its iterations. */
export function enter(tx: Tx, key: string): void {
  const item = tx.item(key);
  if (!item) return;
  const element = tx.element(item.el);
  if (element.loop && item.iteration === undefined) {
    openBoundaries(tx, key);
    startBody(tx, key);
    return;
  }
  if (element.inputs) {
    const inputs = guarded(tx, key, () => applyMappings(element.inputs!, visibleVariables(tx, key), { now: tx.ctx.now, timeZone: tx.ctx.zone.id }));
    if (!inputs) return;
    setLocal(tx, key, inputs);
  }
  if (item.iteration === undefined) openBoundaries(tx, key);
  behaviourOf(element.kind).enter(tx, key);
}

function openBoundaries(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const open = new Set((tx.item(key)!.waits ?? []).map((w) => w?.el));
  for (const id of element.boundaries) {
    if (open.has(id)) continue;
    const waits = guarded(tx, key, () => waitsFor(tx, key, id, tx.element(id).events));
    if (waits) openWaits(tx, key, waits);
  }
}

/**
 * An item finished its work with result variables: output mappings (or plain propagation)
 * carry them out, then the item leaves.
 */
export function complete(tx: Tx, key: string, variables: Record<string, unknown> = {}, propagateUnmapped = true): void {
  const item = tx.item(key);
  if (!item) return;
  const element = tx.element(item.el);
  if (element.outputs) {
    const outputs = guarded(tx, key, () => applyMappings(element.outputs!, { ...visibleVariables(tx, key), ...variables }, { now: tx.ctx.now, timeZone: tx.ctx.zone.id }));
    if (!outputs) return;
    // A multi-instance iteration keeps what its output element names (a local variable there).
    propagate(tx, item.iteration !== undefined ? key : item.parent, outputs);
  } else if (propagateUnmapped && Object.keys(variables).length > 0) {
    // Zeebe's rule: from the element's own scope outwards, so its local variables catch their names.
    propagate(tx, key, variables);
  }
  leave(tx, key);
}

/** The item leaves by its outgoing flows; its scope may then be done. */
export function leave(tx: Tx, key: string, flows?: readonly string[]): void {
  const item = tx.item(key);
  if (!item) return;
  const element = tx.element(item.el);
  const inBody = item.iteration !== undefined;
  const taken = flows ?? (inBody ? [] : guarded(tx, key, () => outgoingOfActivity(tx, key, element)));
  if (!taken) return;
  const output = inBody ? guarded(tx, key, () => iterationOutput(tx, key)) : undefined;
  closeWaits(tx, key, 'completed');
  tx.emit({ t: 'completed', key, el: item.el });
  // An instance of a multi-instance activity leaves what it did to its body, which hands it on when it completes.
  if (item.parent) rememberCompensable(tx, item.parent, compensableEntries(element.compensationHandler, element.id, item.comp));
  if (item.compensating) handlerDone(tx, item.compensating);
  if (inBody) iterationDone(tx, item.parent!, item.iteration!, output);
  else takeFlows(tx, element, taken, item.parent ?? ROOT);
  if (item.parent !== undefined) {
    const scope = item.parent;
    tx.later(() => scopeMaybeDone(tx, scope));
  }
}

function iterationOutput(tx: Tx, key: string): unknown {
  const loop = tx.element(tx.item(key)!.el).loop;
  if (loop?.kind !== 'multi' || !loop.outputElement) return undefined;
  return valueIn(tx, key, loop.outputElement);
}

/**
 * What a completed activity leaves to compensate: itself when it has a handler; otherwise,
 * for a sub-process, whatever inside it can still be compensated (BPMN compensates
 * completed sub-processes from the inside out).
 */
function compensableEntries(handler: string | undefined, elementId: string, inner: readonly string[] | undefined): string[] {
  return handler ? [elementId] : [...(inner ?? [])];
}

function rememberCompensable(tx: Tx, scope: string, entries: readonly string[]): void {
  if (entries.length === 0) return;
  const comp = [...(tx.item(scope)?.comp ?? []), ...entries];
  tx.emit({ t: 'changed', key: scope, data: { comp } });
}

/** A scope with nothing left inside (and no token waiting at a join) is complete. */
export function scopeMaybeDone(tx: Tx, scope: string): void {
  const item = tx.item(scope);
  if (!item || item.body || item.incident) return;
  if (tx.children(scope).length > 0 || tx.state.joins[scope] || tx.tokensInFlight(scope)) return;
  if (scope === ROOT) {
    finishInstance(tx);
    return;
  }
  behaviourOf(tx.element(item.el).kind).emptied(tx, scope);
}

function finishInstance(tx: Tx): void {
  closeWaits(tx, ROOT, 'completed');
  const variables = tx.state.vars[ROOT] ?? {};
  tx.emit({ t: 'completed', key: ROOT, el: tx.state.processId });
  tx.emit({ t: 'ended', status: 'completed' });
  tx.effect({ type: 'instance.ended', status: 'completed' });
  if (tx.state.parent) tx.effect({ type: 'parent.completed', parent: tx.state.parent, variables });
}

/** Terminates an item and everything inside it, innermost first, withdrawing their waits. */
export function terminate(tx: Tx, key: string): void {
  const item = tx.item(key);
  if (!item) return;
  for (const child of tx.children(key)) terminate(tx, child);
  closeWaits(tx, key, 'cancelled');
  tx.emit({ t: 'terminated', key, el: item.el });
}

/** Ends the whole instance as terminated (cancelled by a user, or by a parent). */
export function terminateInstance(tx: Tx): void {
  if (tx.state.status !== 'active') return;
  terminate(tx, ROOT);
  tx.emit({ t: 'ended', status: 'terminated' });
  tx.effect({ type: 'instance.ended', status: 'terminated' });
}
