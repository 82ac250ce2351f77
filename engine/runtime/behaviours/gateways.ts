import { EngineError } from '../../errors.js';
import type { ElementDef } from '../../model/graph.js';
import type { Tx } from '../tx.js';
import { guarded } from '../evaluate.js';
import { flowsThatHold } from '../flows.js';
import { activateOccurred, leave } from '../lifecycle.js';
import { openWaits, waitsFor } from '../waits.js';
import { canStillArrive } from '../reachability.js';

/** Exclusive: the first flow (in document order) whose condition holds, else the default. */
export function enterExclusiveGateway(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const chosen = guarded(tx, key, () => {
    const holding = flowsThatHold(tx, key, element);
    const flow = holding[0] ?? element.defaultFlow;
    if (!flow && element.outgoing.length > 0) throw noFlow(element.id);
    return flow ? [flow] : [];
  });
  if (chosen) leave(tx, key, chosen);
}

/** Inclusive (and complex) split: every flow whose condition holds, else the default. */
export function enterInclusiveGateway(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const chosen = guarded(tx, key, () => {
    const holding = flowsThatHold(tx, key, element);
    if (holding.length > 0) return holding;
    if (element.defaultFlow) return [element.defaultFlow];
    if (element.outgoing.length > 0) throw noFlow(element.id);
    return [];
  });
  if (chosen) leave(tx, key, chosen);
}

/** Parallel split: every outgoing flow (the join already happened on arrival). */
export function enterForkingGateway(tx: Tx, key: string): void {
  leave(tx, key, tx.element(tx.item(key)!.el).outgoing);
}

/** Event-based: wait for the events after it; the first to occur decides the path. */
export function enterEventBasedGateway(tx: Tx, key: string): void {
  const element = tx.element(tx.item(key)!.el);
  const waits = guarded(tx, key, () => element.outgoing.flatMap((flowId) => {
    const target = tx.element(tx.flow(flowId).target);
    return waitsFor(tx, key, target.id, target.events);
  }));
  if (waits) openWaits(tx, key, waits);
}

/** A parallel join fires once a token has come by every incoming flow, and takes one from each. */
export function everyFlowArrived(_tx: Tx, element: ElementDef, _scope: string, counts: Record<string, number>): string[] | undefined {
  return element.incoming.every((flow) => (counts[flow] ?? 0) > 0) ? [...element.incoming] : undefined;
}

/** An inclusive (or complex) join fires once no flow still without a token can get one. */
export function nothingMoreCanArrive(tx: Tx, element: ElementDef, scope: string, counts: Record<string, number>): string[] | undefined {
  const missing = element.incoming.filter((flow) => !counts[flow]);
  return missing.some((flow) => canStillArrive(tx, element.id, flow, scope)) ? undefined : Object.keys(counts);
}

/** The first event after an event-based gateway has occurred: the gateway leaves, and the path after that event starts. */
export function chooseEventPath(tx: Tx, key: string, target: string, variables: Record<string, unknown>): void {
  const gateway = tx.element(tx.item(key)!.el);
  const flow = gateway.outgoing.find((id) => tx.flow(id).target === target);
  const scope = tx.item(key)!.parent!;
  leave(tx, key, []);
  activateOccurred(tx, target, scope, flow, variables);
}

function noFlow(elementId: string): EngineError {
  return new EngineError('NO_FLOW_HOLDS', `no outgoing flow of gateway "${elementId}" has a condition that holds, and there is no default flow`, { elementId });
}
