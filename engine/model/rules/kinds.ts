import type { ModdleElement } from '../moddle.js';
import { listOf } from '../moddle.js';
import { eventDefinitionsOf } from '../compile-events.js';
import type { ModelIndex } from './model-index.js';
import { isA, isElement } from './model-index.js';

/** A single-valued child or reference, when it is set and resolved to an element. */
export function one(value: unknown): ModdleElement | undefined {
  return isElement(value) ? value : undefined;
}

/**
 * The triggers of an event as short names ('Message', 'Timer', …), from its own definitions
 * and from definitions it references. A reference to something that is no event definition
 * is the reference rules' business, so it is left out here.
 */
export function triggersOf(event: ModdleElement): string[] {
  return eventDefinitionsOf(event)
    .filter((d) => isA(d, 'bpmn:EventDefinition'))
    .map((d) => d.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, ''));
}

/** Triggers of the event that are not in `allowed`. */
export function triggersOutside(event: ModdleElement, allowed: readonly string[]): string[] {
  return triggersOf(event).filter((t) => !allowed.includes(t));
}

export function isEventSubProcess(element: ModdleElement | undefined): boolean {
  return isA(element, 'bpmn:SubProcess') && element?.triggeredByEvent === true;
}

/**
 * Sequence flows the node declares as incoming (its serialised `incoming` list). BPMN
 * interchange writes both ends; betsy's constraint suite holds a node to its own list.
 */
export function incomingOf(node: ModdleElement): ModdleElement[] {
  return listOf(node.incoming);
}

/** Sequence flows the node declares as outgoing (its serialised `outgoing` list). */
export function outgoingOf(node: ModdleElement): ModdleElement[] {
  return listOf(node.outgoing);
}

/** The flow elements directly inside a process or sub-process. */
export function flowElementsOf(container: ModdleElement): ModdleElement[] {
  return listOf(container.flowElements);
}

/** The nearest process that contains the element (itself when it is one). */
export function processOf(model: ModelIndex, element: ModdleElement | undefined): ModdleElement | undefined {
  let current = element;
  while (current && !isA(current, 'bpmn:Process')) current = model.parentOf(current);
  return current;
}

/** True when some ancestor of the element is of `type`. */
export function hasAncestor(model: ModelIndex, element: ModdleElement, type: string): boolean {
  for (let p = model.parentOf(element); p; p = model.parentOf(p)) if (isA(p, type)) return true;
  return false;
}

/** The pool an element belongs to: a participant itself, or the one whose process holds it. */
export function poolOf(model: ModelIndex, element: ModdleElement): ModdleElement | undefined {
  if (isA(element, 'bpmn:Participant')) return element;
  const process = processOf(model, element);
  if (!process) return undefined;
  return model.all('bpmn:Participant').find((p) => p.processRef === process);
}

/** Sequence flows of the whole model whose source (or target) is the node. */
export function flowsTouching(model: ModelIndex, node: ModdleElement, end: 'sourceRef' | 'targetRef'): ModdleElement[] {
  return model.all('bpmn:SequenceFlow').filter((f) => f[end] === node);
}

/** Message flows of the whole model whose source (or target) is the node. */
export function messageFlowsTouching(model: ModelIndex, node: ModdleElement, end: 'sourceRef' | 'targetRef'): ModdleElement[] {
  return model.all('bpmn:MessageFlow').filter((f) => f[end] === node);
}

/** Process and sub-process levels: the containers that hold their own start and end events. */
export function levels(model: ModelIndex): ModdleElement[] {
  return [...model.all('bpmn:Process'), ...model.all('bpmn:SubProcess')].filter((c) => !isA(c, 'bpmn:AdHocSubProcess'));
}

/**
 * The element itself when it has an id, else its nearest ancestor that has one: expressions,
 * sets and documentation rarely carry ids, and a problem should point at something findable.
 */
export function identified(model: ModelIndex, element: ModdleElement): ModdleElement {
  for (let current: ModdleElement | undefined = element; current; current = model.parentOf(current)) {
    if (current.id) return current;
  }
  return element;
}
