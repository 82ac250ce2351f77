import type { ScopeDef } from '../../model/graph.js';
import type { Tx } from '../tx.js';
import { MAX_INSTANCE_ID_LENGTH } from '../state.js';
import { guarded, valueIn } from '../evaluate.js';
import { activate, complete } from '../lifecycle.js';
import { openWaits, waitsFor } from '../waits.js';
import { visibleVariables } from '../variables.js';
import { eventSubProcessStarts } from './start-events.js';

/**
 * Opens a scope (the process, a sub-process, a transaction): its event sub-processes start
 * listening, and its none start events fire.
 */
export function openScope(tx: Tx, key: string, scope: ScopeDef): void {
  listenForEventSubProcesses(tx, key, scope);
  for (const start of scope.noneStarts) activate(tx, start, key);
}

function listenForEventSubProcesses(tx: Tx, key: string, scope: ScopeDef): void {
  for (const start of eventSubProcessStarts(tx, scope)) {
    const waits = guarded(tx, key, () => waitsFor(tx, key, start.id, start.events));
    if (waits) openWaits(tx, key, waits);
  }
}

export function enterSubProcess(tx: Tx, key: string): void {
  openScope(tx, key, tx.element(tx.item(key)!.el).scope!);
}

/** Ad hoc: its activities without incoming flows run, all at once or one after another. */
export function enterAdHocSubProcess(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const scope = element.scope!;
  listenForEventSubProcesses(tx, key, scope);
  const first = element.adHocOrdering === 'Sequential' ? scope.adHocChildren.slice(0, 1) : scope.adHocChildren;
  tx.emit({ t: 'changed', key, data: { adHocStarted: first.length } });
  for (const id of first) activate(tx, id, key);
}

/** Nothing left inside: a sub-process (a transaction, an event sub-process) completes. */
export function completeSubProcess(tx: Tx, key: string): void {
  complete(tx, key);
}

/** Nothing left inside: a sequential ad hoc sub-process starts its next activity; with none left, it completes. */
export function completeAdHocSubProcess(tx: Tx, key: string): void {
  if (!adHocNext(tx, key)) complete(tx, key);
}

/** A sequential ad hoc sub-process starts its next activity; false when all have run. */
function adHocNext(tx: Tx, key: string): boolean {
  const item = tx.item(key)!;
  const element = tx.element(item.el);
  const started = item.adHocStarted ?? 0;
  const next = element.scope!.adHocChildren[started];
  if (element.adHocOrdering !== 'Sequential' || next === undefined) return false;
  tx.emit({ t: 'changed', key, data: { adHocStarted: started + 1 } });
  activate(tx, next, key);
  return true;
}

/** A call activity starts a child instance and waits for it to end. */
export function enterCallActivity(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const processId = guarded(tx, key, () => String(valueIn(tx, key, element.call!.processId)));
  if (!processId) return;
  const childId = `${tx.state.id}.${key}.${tx.state.seq}`;
  if (childId.length > MAX_INSTANCE_ID_LENGTH) {
    // A process calling itself (directly or round a loop) without end: said as such here,
    // rather than as an invalid id when the child is started.
    const message = `call activity "${element.id}" would start "${processId}" nested too deep: the child's id would be ${childId.length} characters, over ${MAX_INSTANCE_ID_LENGTH} (a process that calls itself without end?)`;
    tx.emit({ t: 'incident', key, code: 'CALL_DEPTH_EXCEEDED', message });
    return;
  }
  openWaits(tx, key, [{ k: 'child', el: element.id, id: childId }]);
  tx.effect({ type: 'child.started', key, childId, processId, variables: visibleVariables(tx, key) });
}
