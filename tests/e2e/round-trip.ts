/**
 * Comparing a diagram before and after the modeler saved it, by meaning: both read with
 * bpmn-moddle and the descriptors the engine knows, then every element, attribute and
 * extension compared as plain data (modeler/diff/canonical.ts). Not pure: reads files.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { yichuangDescriptor } from '../../engine/index.js';
import { canonical } from '../../modeler/diff/canonical.js';
import type { Canonical, ModdleLike } from '../../modeler/diff/canonical.js';

export async function meaningOf(xml: string): Promise<Canonical> {
  const moddle = new BpmnModdle({ zeebe, yc: yichuangDescriptor });
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return unordered(canonical(rootElement as ModdleLike));
}

/** Lists of elements with ids in id order: bpmn-js writes diagram shapes in drawing order, which carries no meaning. */
function unordered(value: Canonical): Canonical {
  if (Array.isArray(value)) {
    const items = value.map(unordered);
    const ids = items.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v.id : undefined));
    return ids.every((id) => typeof id === 'string') ? items.sort((a, b) => String((a as Record<string, Canonical>).id).localeCompare(String((b as Record<string, Canonical>).id))) : items;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unordered(v)]));
  return value;
}

/**
 * What bpmn-js writes that the file left out, adding to it without changing it: an exclusive
 * gateway's X drawn (isMarkerVisible, which bpmn-js shows whether or not the file says so), and
 * a diagram of its own for each collapsed sub-process (the plane bpmn-js drills down into).
 */
const added = (path: string) => /\/isMarkerVisible$/.test(path) || /^\/diagrams\/\d+$/.test(path);

/** The paths at which two canonical values differ (at most `limit`), for a readable failure. */
export function differences(a: Canonical, b: Canonical, path = '', limit = 10, out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a === null && added(path)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) differences((a as Record<string, Canonical>)[key] ?? null, (b as Record<string, Canonical>)[key] ?? null, `${path}/${key}`, limit, out);
    return out;
  }
  out.push(`${path}: ${JSON.stringify(a)?.slice(0, 120)} → ${JSON.stringify(b)?.slice(0, 120)}`);
  return out;
}
