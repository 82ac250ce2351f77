/**
 * bpmn-moddle ships no types. This is the loose view of its elements the compiler reads:
 * `$type` names the BPMN type, everything else is the element's properties.
 */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

/** The element's own id, or a readable stand-in for anonymous ones. */
export function idOf(element: ModdleElement | undefined): string {
  return element?.id ?? `(${element?.$type ?? 'unknown'} without id)`;
}

export function listOf(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

export function isType(element: ModdleElement | undefined, type: string): boolean {
  return element?.$type === type;
}
