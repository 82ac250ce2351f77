import type { EventDefinition } from '../model/graph.js';
import type { LoopBody } from './state.js';
import type { Tx } from './tx.js';
import { conditionIn, guarded } from './evaluate.js';
import { triggerBoundary } from './behaviours/boundary-events.js';

/**
 * After an instance of a multi-instance activity completes, the body throws its behavior
 * events (None: every time, One: the first time, Complex: when a definition's condition
 * holds) to the boundary events of the activity itself (BPMN 2.0, 10.3.8). A complex
 * behavior definition whose condition holds also cancels the remaining instances and lets
 * the activity complete (Table 10.25): returns true then.
 */
export function throwBehaviorEvents(tx: Tx, bodyKey: string, body: LoopBody, extra: Record<string, unknown>): boolean {
  const element = tx.element(tx.item(bodyKey)!.el);
  const loop = element.loop;
  if (loop?.kind !== 'multi' || loop.behavior === 'All' || !loop.behaviorEvents) return false;
  if (loop.behavior === 'One' && body.done !== 1) return false;
  let completes = false;
  for (const definition of loop.behaviorEvents) {
    if (definition.condition) {
      const holds = guarded(tx, bodyKey, () => conditionIn(tx, bodyKey, definition.condition!, extra));
      if (!holds) continue;
      completes = true;
    }
    for (const event of definition.events) {
      const boundary = element.boundaries.find((id) => tx.element(id).events.some((e) => sameEvent(e, event)));
      // The activity throws these about itself while it goes on: catching one never interrupts it.
      if (boundary && tx.item(bodyKey)) triggerBoundary(tx, bodyKey, boundary, {}, false);
    }
  }
  return completes;
}

function sameEvent(caught: EventDefinition, thrown: EventDefinition): boolean {
  if (caught.kind !== thrown.kind) return false;
  if ('name' in caught && 'name' in thrown) return caught.name === thrown.name;
  if ('code' in caught && 'code' in thrown) return caught.code === undefined || caught.code === thrown.code;
  return true;
}
