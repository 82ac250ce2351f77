import type { ModdleElement } from './moddle.js';
import { listOf } from './moddle.js';

/** The first extension element of a zeebe/yichuang type on an element (`zeebe:TaskDefinition`). */
export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  const ext = element.extensionElements as ModdleElement | undefined;
  return listOf(ext?.values).find((value) => value.$type === type);
}

/** zeebe:TaskHeaders as a plain record. */
export function headersOf(element: ModdleElement): Record<string, string> {
  const headers = extension(element, 'zeebe:TaskHeaders');
  const out: Record<string, string> = {};
  for (const header of listOf(headers?.values)) {
    if (typeof header.key === 'string') out[header.key] = String(header.value ?? '');
  }
  return out;
}

/** The yc:* attributes set on an element, without the prefix. */
export function platformProperties(element: ModdleElement, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (element[name] !== undefined) out[name] = element[name];
  }
  return out;
}
