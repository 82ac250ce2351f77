import type { ModdleElement } from '../moddle.js';
import type { ParsedDefinitions, ParseWarning } from '../parse.js';

/** One semantic element of a model and the element that contains it. */
export interface Visit {
  element: ModdleElement;
  parent: ModdleElement | undefined;
}

/** The read-only view every spec rule works on: all elements, their parents, ids and types. */
export interface ModelIndex {
  definitions: ModdleElement;
  warnings: readonly ParseWarning[];
  visits: readonly Visit[];
  byId: ReadonlyMap<string, ModdleElement>;
  parentOf(element: ModdleElement): ModdleElement | undefined;
  /** Every element that is an instance of `type` (subtypes included), in document order. */
  all(type: string): ModdleElement[];
}

/** What the moddle metamodel says about one property of an element type. */
export interface PropertyDescriptor {
  name: string;
  type: string;
  isReference?: boolean;
  isMany?: boolean;
}

/**
 * Indexes a parsed model once: walks containment (never references) from the definitions.
 * Pure. Diagram interchange is left out: deploy rules judge semantics, not drawings.
 */
export function indexModel(parsed: ParsedDefinitions): ModelIndex {
  const visits: Visit[] = [];
  collect(parsed.definitions, undefined, visits, new Set());
  const parents = new Map(visits.map((v) => [v.element, v.parent]));
  const byId = new Map<string, ModdleElement>();
  for (const { element } of visits) if (element.id && !byId.has(element.id)) byId.set(element.id, element);
  const cache = new Map<string, ModdleElement[]>();
  const all = (type: string): ModdleElement[] => {
    if (!cache.has(type)) cache.set(type, visits.map((v) => v.element).filter((e) => isA(e, type)));
    return cache.get(type) ?? [];
  };
  return { definitions: parsed.definitions, warnings: parsed.warnings, visits, byId, parentOf: (e) => parents.get(e), all };
}

/** True when the element is a `type` or one of its subtypes, as the moddle metamodel says. */
export function isA(element: ModdleElement | undefined, type: string): boolean {
  if (!element) return false;
  const instanceOf = (element as { $instanceOf?: (t: string) => boolean }).$instanceOf;
  return typeof instanceOf === 'function' ? instanceOf.call(element, type) : element.$type === type;
}

function collect(element: ModdleElement, parent: ModdleElement | undefined, out: Visit[], seen: Set<object>): void {
  if (seen.has(element) || element.$type.startsWith('bpmndi:')) return;
  seen.add(element);
  out.push({ element, parent });
  for (const child of childrenOf(element)) collect(child, element, out, seen);
}

function childrenOf(element: ModdleElement): ModdleElement[] {
  return propertiesOf(element)
    .filter((p) => !p.isReference)
    .flatMap((p) => {
      const value = element[p.name];
      return (Array.isArray(value) ? value : [value]).filter(isElement);
    });
}

/** The metamodel properties of an element's type; none for elements of unknown namespaces. */
export function propertiesOf(element: ModdleElement): PropertyDescriptor[] {
  const descriptor = (element as { $descriptor?: { properties?: PropertyDescriptor[] } }).$descriptor;
  return descriptor?.properties ?? [];
}

/** A value that is a moddle element (as opposed to a string, number or missing value). */
export function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
