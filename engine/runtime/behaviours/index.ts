import type { ElementDef, ElementKind } from '../../model/graph.js';
import type { Tx } from '../tx.js';
import { leave } from '../lifecycle.js';
import { eventOccurred } from '../trigger.js';
import { enterStartEvent, triggerStartEvent } from './start-events.js';
import { enterEndEvent, enterThrowEvent, leaveEndEvent } from './throw-events.js';
import { enterCatchEvent, triggerCatchEvent } from './catch-events.js';
import { triggerBoundaryEvent } from './boundary-events.js';
import { enterJobTask, enterPassThrough, enterReceiveTask, enterScriptTask, enterSendTask, enterUserTask } from './tasks.js';
import { enterEventBasedGateway, enterExclusiveGateway, enterForkingGateway, enterInclusiveGateway, everyFlowArrived, nothingMoreCanArrive } from './gateways.js';
import { completeAdHocSubProcess, completeSubProcess, enterAdHocSubProcess, enterCallActivity, enterSubProcess } from './scopes.js';

/**
 * Everything an element kind does that another kind does not, in one place (Zeebe's
 * BpmnElementProcessor, bpmn-elements' behaviours). The runtime's life cycle (lifecycle.ts)
 * is the same for every kind and asks the behaviour wherever kinds differ.
 */
export interface Behaviour {
  /** BPMN's three kinds of flow node. What an activity throws, its own boundary events may catch. */
  readonly node: 'activity' | 'event' | 'gateway';
  /** A token has arrived (joined, input-mapped, boundary events listening): the element does its work. */
  enter(tx: Tx, key: string): void;
  /**
   * An event this element catches has occurred, on the item `key` that waited for it: the
   * element's own item, the activity a boundary event sits on, the scope an event
   * sub-process's start listens on, or the event-based gateway before a catch event.
   */
  trigger(tx: Tx, key: string, wait: number, variables: Record<string, unknown>): void;
  /**
   * Its work done (and the compensation it threw, if any), the item passes its token on: by
   * its outgoing flows; an end event by none.
   */
  leave(tx: Tx, key: string): void;
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

/**
 * What most kinds share: only their own item waits for their events (a job, a task, a called
 * process), they leave by their outgoing flows and hold no items.
 */
function flowNode(node: Behaviour['node'], enter: Behaviour['enter']): Behaviour {
  return { node, enter, trigger: eventOccurred, leave, emptied: holdsNothing };
}

const activity = (enter: Behaviour['enter']) => flowNode('activity', enter);
const event = (enter: Behaviour['enter']) => flowNode('event', enter);
const gateway = (enter: Behaviour['enter']) => flowNode('gateway', enter);

/**
 * Every element kind the model can hold and its behaviour. A Record, so a kind added to
 * ElementKind does not compile until it has one. Built from function declarations only: the
 * behaviour modules import the life cycle, which imports this table (an import cycle).
 */
const registry: Record<ElementKind, Behaviour> = {
  startEvent: { ...event(enterStartEvent), trigger: triggerStartEvent },
  endEvent: { ...event(enterEndEvent), leave: leaveEndEvent },
  intermediateThrowEvent: event(enterThrowEvent),
  intermediateCatchEvent: { ...event(enterCatchEvent), trigger: triggerCatchEvent },
  boundaryEvent: { ...event(enterPassThrough), trigger: triggerBoundaryEvent },
  task: activity(enterPassThrough),
  manualTask: activity(enterPassThrough),
  userTask: activity(enterUserTask),
  serviceTask: activity(enterJobTask),
  businessRuleTask: activity(enterJobTask),
  sendTask: activity(enterSendTask),
  receiveTask: { ...activity(enterReceiveTask), trigger: triggerCatchEvent },
  scriptTask: activity(enterScriptTask),
  exclusiveGateway: gateway(enterExclusiveGateway),
  parallelGateway: { ...gateway(enterForkingGateway), join: parallelJoin },
  inclusiveGateway: { ...gateway(enterInclusiveGateway), join: inclusiveJoin },
  complexGateway: { ...gateway(enterInclusiveGateway), join: inclusiveJoin },
  eventBasedGateway: gateway(enterEventBasedGateway),
  subProcess: { ...activity(enterSubProcess), emptied: completeSubProcess },
  transaction: { ...activity(enterSubProcess), emptied: completeSubProcess, transaction: true },
  adHocSubProcess: { ...activity(enterAdHocSubProcess), emptied: completeAdHocSubProcess },
  callActivity: activity(enterCallActivity),
};

/** The behaviour of an element kind. Pure. */
export function behaviourOf(kind: ElementKind): Behaviour {
  return registry[kind];
}

/** Every element kind in the table (for the test that the model parser produces no other). Pure. */
export function kindsWithBehaviour(): ElementKind[] {
  return Object.keys(registry) as ElementKind[];
}
