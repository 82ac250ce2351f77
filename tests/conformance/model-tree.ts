import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { yichuangDescriptor } from '../../engine/index.js';
import type { ModdleElement } from '../../engine/model/moddle.js';

export type { ModdleElement };

/** One moddle with the descriptors the engine reads, to create extension elements and write XML. */
export const moddle = new BpmnModdle({ zeebe, yichuang: yichuangDescriptor });

/** Creates a moddle element of a BPMN or zeebe type. */
export function create(type: string, attrs: Record<string, unknown> = {}): ModdleElement {
  return moddle.create(type, attrs) as ModdleElement;
}

/** Whether a value is a moddle element (it carries a `$type`). Pure. */
export function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string';
}

/**
 * Every element reachable from `root` through its contained properties, each once, parents
 * before children. Follows references too, which the visited set makes harmless. Pure.
 */
export function allElements(root: ModdleElement): ModdleElement[] {
  const seen = new Set<ModdleElement>();
  const queue = [root];
  while (queue.length > 0) {
    const element = queue.shift()!;
    if (seen.has(element)) continue;
    seen.add(element);
    queue.push(...children(element));
  }
  return [...seen];
}

function children(element: ModdleElement): ModdleElement[] {
  return Object.entries(element)
    .filter(([key]) => !key.startsWith('$'))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter(isElement);
}

/** The list under `property`, or an empty list. Pure. */
export function listAt(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}
