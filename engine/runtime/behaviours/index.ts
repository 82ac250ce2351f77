import type { ElementDef, ElementKind } from '../../model/graph.js';
import type { Tx } from '../tx.js';
import { enterCatchEvent, enterEndEvent, enterStartEvent, enterThrowEvent } from './events.js';
import { enterJobTask, enterPassThrough, enterReceiveTask, enterScriptTask, enterSendTask, enterUserTask } from './tasks.js';
import { enterEventBasedGateway, enterExclusiveGateway, enterForkingGateway, enterInclusiveGateway, everyFlowArrived, nothingMoreCanArrive } from './gateways.js';
import { completeAdHocSubProcess, completeSubProcess, enterAdHocSubProcess, enterCallActivity, enterSubProcess } from './scopes.js';

/**
 * Everything an element kind does that another kind does not, in one place (Zeebe's
 * BpmnElementProcessor, bpmn-elements' behaviours). The runtime's life cycle (lifecycle.ts)
 * is the same for every kind and asks the behaviour wherever kinds differ.
 */
export interface Behaviour {
  /** A token has arrived (joined, input-mapped, boundary events listening): the element does its work. */
  enter(tx: Tx, key: string): void;
  /** Nothing is left inside the item (no child, no token on its way): a sub-process completes. */
  emptied(tx: Tx, key: string): void;
  /** Converging gateways: when the tokens collected at the gateway fire it. */
  readonly join?: Join;
  /** BPMN's transaction: the scope a cancel end event inside it cancels and compensates. */
  readonly transaction?: true;
}

/** How a converging gateway decides that the tokens it has collected in a scope fire it. */
export interface Join {
  /** The flows whose tokens fire it now (one token each), or undefined while it waits. */
  fires(tx: Tx, element: ElementDef, scope: string, counts: Record<string, number>): string[] | undefined;
  /** It waits for branches that may still come, so it is tried again once the step is quiet. */
  readonly waitsForOthers: boolean;
}

const parallelJoin: Join = { fires: everyFlowArrived, waitsForOthers: false };
const inclusiveJoin: Join = { fires: nothingMoreCanArrive, waitsForOthers: true };

/** Only sub-processes hold items: for any other kind, an empty inside means nothing. */
function holdsNothing(): void {}

/** Events, gateways and activities that hold no items of their own. */
const flowNode = (enter: Behaviour['enter']): Behaviour => ({ enter, emptied: holdsNothing });

/**
 * Every element kind the model can hold and its behaviour. A Record, so a kind added to
 * ElementKind does not compile until it has one. Built from function declarations only: the
 * behaviour modules import the life cycle, which imports this table (an import cycle).
 */
const registry: Record<ElementKind, Behaviour> = {
  startEvent: flowNode(enterStartEvent),
  endEvent: flowNode(enterEndEvent),
  intermediateThrowEvent: flowNode(enterThrowEvent),
  intermediateCatchEvent: flowNode(enterCatchEvent),
  boundaryEvent: flowNode(enterPassThrough),
  task: flowNode(enterPassThrough),
  manualTask: flowNode(enterPassThrough),
  userTask: flowNode(enterUserTask),
  serviceTask: flowNode(enterJobTask),
  businessRuleTask: flowNode(enterJobTask),
  sendTask: flowNode(enterSendTask),
  receiveTask: flowNode(enterReceiveTask),
  scriptTask: flowNode(enterScriptTask),
  exclusiveGateway: flowNode(enterExclusiveGateway),
  parallelGateway: { ...flowNode(enterForkingGateway), join: parallelJoin },
  inclusiveGateway: { ...flowNode(enterInclusiveGateway), join: inclusiveJoin },
  complexGateway: { ...flowNode(enterInclusiveGateway), join: inclusiveJoin },
  eventBasedGateway: flowNode(enterEventBasedGateway),
  subProcess: { enter: enterSubProcess, emptied: completeSubProcess },
  transaction: { enter: enterSubProcess, emptied: completeSubProcess, transaction: true },
  adHocSubProcess: { enter: enterAdHocSubProcess, emptied: completeAdHocSubProcess },
  callActivity: flowNode(enterCallActivity),
};

/** The behaviour of an element kind. Pure. */
export function behaviourOf(kind: ElementKind): Behaviour {
  return registry[kind];
}
