import type { ElementDef, ElementKind } from '../../model/graph.js';
import type { Tx } from '../tx.js';
import { enterEndEvent, enterThrowEvent } from './throw-events.js';
import { enterStartEvent, triggerStartEvent } from './start-events.js';
import { enterCatchEvent, triggerCatchEvent } from './catch-events.js';
import { triggerBoundaryEvent } from './boundary-events.js';
import { eventOccurred } from '../trigger.js';
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
  /**
   * An event this element catches has occurred, on the item `key` that waited for it: the
   * element's own item, the activity a boundary event sits on, the scope an event
   * sub-process's start listens on, or the event-based gateway before a catch event.
   */
  trigger(tx: Tx, key: string, wait: number, variables: Record<string, unknown>): void;
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

/** An element that waits only for its own event (a job, a task, a called process) and holds no items. */
const flowNode = (enter: Behaviour['enter']): Behaviour => ({ enter, trigger: eventOccurred, emptied: holdsNothing });

/**
 * Every element kind the model can hold and its behaviour. A Record, so a kind added to
 * ElementKind does not compile until it has one. Built from function declarations only: the
 * behaviour modules import the life cycle, which imports this table (an import cycle).
 */
const registry: Record<ElementKind, Behaviour> = {
  startEvent: { ...flowNode(enterStartEvent), trigger: triggerStartEvent },
  endEvent: flowNode(enterEndEvent),
  intermediateThrowEvent: flowNode(enterThrowEvent),
  intermediateCatchEvent: { ...flowNode(enterCatchEvent), trigger: triggerCatchEvent },
  boundaryEvent: { ...flowNode(enterPassThrough), trigger: triggerBoundaryEvent },
  task: flowNode(enterPassThrough),
  manualTask: flowNode(enterPassThrough),
  userTask: flowNode(enterUserTask),
  serviceTask: flowNode(enterJobTask),
  businessRuleTask: flowNode(enterJobTask),
  sendTask: flowNode(enterSendTask),
  receiveTask: { ...flowNode(enterReceiveTask), trigger: triggerCatchEvent },
  scriptTask: flowNode(enterScriptTask),
  exclusiveGateway: flowNode(enterExclusiveGateway),
  parallelGateway: { ...flowNode(enterForkingGateway), join: parallelJoin },
  inclusiveGateway: { ...flowNode(enterInclusiveGateway), join: inclusiveJoin },
  complexGateway: { ...flowNode(enterInclusiveGateway), join: inclusiveJoin },
  eventBasedGateway: flowNode(enterEventBasedGateway),
  subProcess: { ...flowNode(enterSubProcess), emptied: completeSubProcess },
  transaction: { ...flowNode(enterSubProcess), emptied: completeSubProcess, transaction: true },
  adHocSubProcess: { ...flowNode(enterAdHocSubProcess), emptied: completeAdHocSubProcess },
  callActivity: flowNode(enterCallActivity),
};

/** The behaviour of an element kind. Pure. */
export function behaviourOf(kind: ElementKind): Behaviour {
  return registry[kind];
}
