/**
 * Reading a BPMN element the way the platform's rules need: its type, its zeebe extension
 * elements, its 一窗 attributes. Works on any moddle tree (the engine's, bpmn-js's). Pure.
 */

/** A moddle element, as the lint rules read it. */
export interface Node {
  $type: string;
  id?: string;
  name?: string;
  $instanceOf?: (type: string) => boolean;
  [key: string]: unknown;
}

export interface Reporter {
  report(id: string, message: string): void;
}

export function is(node: Node | undefined, type: string): boolean {
  if (!node) return false;
  return node.$instanceOf ? node.$instanceOf(type) : node.$type === type;
}

export function extension(node: Node, type: string): Node | undefined {
  const values = (node.extensionElements as { values?: Node[] } | undefined)?.values ?? [];
  return values.find((v) => v.$type === type);
}

export function formKey(node: Node): string | undefined {
  return extension(node, 'zeebe:FormDefinition')?.formKey as string | undefined;
}

export function taskType(node: Node): string | undefined {
  return extension(node, 'zeebe:TaskDefinition')?.type as string | undefined;
}

export function calledProcess(node: Node): string | undefined {
  return extension(node, 'zeebe:CalledElement')?.processId as string | undefined;
}

/**
 * Attribute of the platform's descriptor (yc:…), read through moddle's `get` (which finds it
 * however it was set: read from XML or set by the modeler), else as an unknown attribute.
 */
export function yc(node: Node, name: string): unknown {
  const get = node.get as ((key: string) => unknown) | undefined;
  const known = typeof get === 'function' ? get.call(node, `yc:${name}`) : node[name];
  return known ?? (node.$attrs as Record<string, unknown> | undefined)?.[`yc:${name}`];
}

export function flowElements(node: Node): Node[] {
  return (node.flowElements as Node[] | undefined) ?? [];
}

export function outgoing(node: Node): Node[] {
  return ((node.outgoing as Node[] | undefined) ?? []).map((flow) => flow.targetRef as Node).filter(Boolean);
}

/** What the element is called in a message: its name, else its id. */
export function label(node: Node): string {
  return node.name ? `「${node.name}」` : (node.id ?? node.$type);
}
