import type { ElementDef } from '../model/graph.js';
import type { Tx } from './tx.js';
import { conditionIn, guarded } from './evaluate.js';
import { activate, scopeMaybeDone } from './lifecycle.js';
import { canStillArrive } from './reachability.js';
import { behaviourOf } from './behaviours/index.js';
import { nothingMoreCanArrive } from './behaviours/gateways.js';

/** Flow ids whose condition holds (unconditioned flows always hold), default excluded. */
export function flowsThatHold(tx: Tx, key: string, element: ElementDef): string[] {
  return element.outgoing.filter((id) => {
    if (id === element.defaultFlow) return false;
    const condition = tx.flow(id).condition;
    return condition === undefined || conditionIn(tx, key, condition);
  });
}

/**
 * Activities and events leave by every flow that holds; the default flow only when none of
 * the conditional ones does (BPMN's uncontrolled flow with conditions).
 */
export function outgoingOfActivity(tx: Tx, key: string, element: ElementDef): string[] {
  const taken = flowsThatHold(tx, key, element);
  const conditionalHolds = taken.some((id) => tx.flow(id).condition !== undefined);
  if (!conditionalHolds && element.defaultFlow) taken.push(element.defaultFlow);
  return taken;
}

/** Sends one token down each flow (times the element's completion quantity). */
export function takeFlows(tx: Tx, element: ElementDef, flows: readonly string[], scope: string): void {
  for (const id of flows) {
    for (let n = 0; n < element.completionQuantity; n++) tx.send(scope, () => arriveAt(tx, tx.flow(id).target, scope, id));
  }
}

/** A token arrives at an element: joins collect it, everything else activates at once. */
export function arriveAt(tx: Tx, elementId: string, scope: string, via: string): void {
  if (!tx.item(scope)) return;
  const element = tx.element(elementId);
  if (!collectsTokens(element)) {
    activate(tx, elementId, scope, via);
    return;
  }
  tx.emit({ t: 'arrived', scope, el: elementId, flow: via });
  tryJoin(tx, elementId, scope);
}

function collectsTokens(element: ElementDef): boolean {
  if (element.startQuantity > 1 || element.activationCondition) return true;
  return behaviourOf(element.kind).join !== undefined && element.incoming.length > 1;
}

/** Fires a join whose tokens are all there. Returns whether it fired. */
export function tryJoin(tx: Tx, elementId: string, scope: string): boolean {
  const counts = tx.state.joins[scope]?.[elementId];
  if (!counts) return false;
  const element = tx.element(elementId);
  if (element.activationCondition) return complexJoin(tx, element, scope, counts);
  const consumed = joinable(tx, element, scope, counts);
  if (!consumed) return false;
  tx.emit({ t: 'joined', scope, el: elementId, flows: consumed });
  activate(tx, elementId, scope, consumed[0]);
  return true;
}

function joinable(tx: Tx, element: ElementDef, scope: string, counts: Record<string, number>): string[] | undefined {
  const arrived = Object.keys(counts);
  if (element.startQuantity > 1) {
    const total = arrived.reduce((sum, flow) => sum + (counts[flow] ?? 0), 0);
    return total >= element.startQuantity ? spread(counts, element.startQuantity) : undefined;
  }
  const join = behaviourOf(element.kind).join;
  return join ? join.fires(tx, element, scope, counts) : nothingMoreCanArrive(tx, element, scope, counts);
}

/** Marks a complex gateway that fired and now absorbs the late tokens of the same round. */
const FIRED = '#fired';

/**
 * A complex gateway with an activation condition fires as soon as the condition holds over
 * the tokens that have arrived (`activationCount`); the tokens still on their way in that
 * round are absorbed without firing again, then the gateway resets (BPMN 2.0, 10.6.5).
 */
function complexJoin(tx: Tx, element: ElementDef, scope: string, counts: Record<string, number>): boolean {
  const arrived = Object.keys(counts).filter((flow) => flow !== FIRED);
  const more = element.incoming.some((flow) => canStillArrive(tx, element.id, flow, scope));
  if (counts[FIRED]) {
    const absorbed = more ? arrived : [...arrived, FIRED];
    if (absorbed.length > 0) tx.emit({ t: 'joined', scope, el: element.id, flows: absorbed });
    if (!more) tx.later(() => scopeMaybeDone(tx, scope));
    return false;
  }
  const activationCount = arrived.reduce((sum, flow) => sum + (counts[flow] ?? 0), 0);
  const fire = guarded(tx, scope, () => conditionIn(tx, scope, element.activationCondition!, { activationCount }));
  if (!fire) return false;
  tx.emit({ t: 'joined', scope, el: element.id, flows: arrived });
  if (more) tx.emit({ t: 'arrived', scope, el: element.id, flow: FIRED });
  activate(tx, element.id, scope, arrived[0]);
  return true;
}

/** Picks `n` tokens from the arrived ones, a flow id per token. */
function spread(counts: Record<string, number>, n: number): string[] {
  const picked: string[] = [];
  for (const [flow, count] of Object.entries(counts)) {
    for (let i = 0; i < count && picked.length < n; i++) picked.push(flow);
  }
  return picked;
}

/** Inclusive joins wait on what else may come; re-check them once the agenda is quiet. */
export function settleJoins(tx: Tx): boolean {
  let fired = false;
  for (const [scope, byElement] of Object.entries(tx.state.joins)) {
    for (const elementId of Object.keys(byElement)) {
      if (triedWhenQuiet(tx.element(elementId)) && tryJoin(tx, elementId, scope)) fired = true;
    }
  }
  return fired;
}

/** A parallel join only fires as a token arrives; the others (and activities gathering tokens) may fire on what did not come. */
function triedWhenQuiet(element: ElementDef): boolean {
  return behaviourOf(element.kind).join?.waitsForOthers ?? true;
}
