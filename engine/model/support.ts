import type { ElementDef, ProcessDef } from './graph.js';
import type { ModelProblem } from '../errors.js';
import { checkEvents } from './support-events.js';

/**
 * What the engine itself cannot run faithfully, checked on the compiled graph. These are
 * engine limits and runtime prerequisites, not spec rules (those live in rules/).
 */
export function checkSupport(process: ProcessDef): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add = (element: ElementDef, rule: string, message: string) =>
    problems.push({ elementId: element.id, elementType: element.kind, rule, message });
  for (const element of Object.values(process.elements)) {
    if (element.startQuantity < 1) add(element, 'quantity', `startQuantity is ${element.startQuantity}; it must be 1 or more`);
    if (element.completionQuantity < 1) add(element, 'quantity', `completionQuantity is ${element.completionQuantity}; it must be 1 or more`);
    checkLoop(element, add);
    checkFlows(process, element, add);
    if (element.kind === 'eventBasedGateway') checkEventGateway(process, element, add);
    if (element.attachedTo && !process.elements[element.attachedTo]) add(element, 'boundary', `attached to "${element.attachedTo}", which is not an activity of this process`);
  }
  checkEvents(process, add);
  if (process.scope.noneStarts.length === 0 && process.starts.length === 0) {
    problems.push({ elementId: process.id, elementType: 'process', rule: 'start', message: 'the process has no start event' });
  }
  return problems;
}

type Add = (element: ElementDef, rule: string, message: string) => void;

function checkLoop(element: ElementDef, add: Add): void {
  const loop = element.loop;
  if (!loop) return;
  const literal = loop.kind === 'standard' ? loop.maximum : loop.cardinality;
  if (literal?.kind === 'feel' && /^-\s*\d+$/.test(literal.text)) {
    add(element, 'loop', `${loop.kind === 'standard' ? 'loopMaximum' : 'loopCardinality'} is ${literal.text}; it must be zero or more`);
  }
  if (loop.kind === 'multi' && loop.behavior !== 'All' && !loop.behaviorEvents?.length) {
    add(element, 'multiInstance', `multi-instance behavior "${loop.behavior}" needs the event it throws (noneBehaviorEventRef, oneBehaviorEventRef or a complexBehaviorDefinition)`);
  }
}

function checkFlows(process: ProcessDef, element: ElementDef, add: Add): void {
  for (const id of [...element.incoming, ...element.outgoing]) {
    const flow = process.flows[id];
    if (!flow || !process.elements[flow.source] || !process.elements[flow.target]) add(element, 'flow', `sequence flow "${id}" does not connect two elements of this process`);
  }
}

function checkEventGateway(process: ProcessDef, element: ElementDef, add: Add): void {
  for (const id of element.outgoing) {
    const target = process.elements[process.flows[id]?.target ?? ''];
    const catches = target && (target.kind === 'receiveTask' || (target.kind === 'intermediateCatchEvent' && target.events.length > 0));
    if (!catches) add(element, 'eventBasedGateway', `flow "${id}" must lead to an intermediate catch event or a receive task`);
  }
}
