import type { ElementKind } from '../../model/graph.js';
import type { Tx } from '../tx.js';
import { enterCatchEvent, enterEndEvent, enterStartEvent, enterThrowEvent } from './events.js';
import { enterJobTask, enterPassThrough, enterReceiveTask, enterScriptTask, enterSendTask, enterUserTask } from './tasks.js';
import { enterEventBasedGateway, enterExclusiveGateway, enterForkingGateway, enterInclusiveGateway } from './gateways.js';
import { enterAdHocSubProcess, enterCallActivity, enterSubProcess } from './scopes.js';

/** What an element kind does when a token enters it. One small module per family. */
export interface Behaviour {
  enter(tx: Tx, key: string): void;
}

const registry: Record<ElementKind, Behaviour['enter']> = {
  startEvent: enterStartEvent,
  endEvent: enterEndEvent,
  intermediateThrowEvent: enterThrowEvent,
  intermediateCatchEvent: enterCatchEvent,
  boundaryEvent: enterPassThrough,
  task: enterPassThrough,
  manualTask: enterPassThrough,
  userTask: enterUserTask,
  serviceTask: enterJobTask,
  businessRuleTask: enterJobTask,
  sendTask: enterSendTask,
  receiveTask: enterReceiveTask,
  scriptTask: enterScriptTask,
  exclusiveGateway: enterExclusiveGateway,
  parallelGateway: enterForkingGateway,
  inclusiveGateway: enterInclusiveGateway,
  complexGateway: enterInclusiveGateway,
  eventBasedGateway: enterEventBasedGateway,
  subProcess: enterSubProcess,
  transaction: enterSubProcess,
  adHocSubProcess: enterAdHocSubProcess,
  callActivity: enterCallActivity,
};

export function behaviourOf(kind: ElementKind): Behaviour {
  return { enter: registry[kind] };
}
