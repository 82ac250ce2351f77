import { canonical, elementsById } from './canonical.js';
import type { Canonical, ModdleLike } from './canonical.js';

/** One element that differs between two versions of a diagram. */
export interface ElementChange {
  elementId: string;
  type: string;
  name?: string;
  change: 'added' | 'removed' | 'changed';
  /** For a changed element: each property that differs (`extensionElements` split per extension type, e.g. `zeebe:TaskDefinition`). */
  properties?: Array<{ property: string; before?: Canonical; after?: Canonical }>;
}

const SKIP = ['di'];
const isDiagram = (el: ModdleLike) => el.$type.startsWith('bpmndi:') || el.$type.startsWith('dc:') || el.$type.startsWith('di:');

/**
 * The process elements added, removed and changed from `before` to `after` (two
 * bpmn:Definitions), changes inside extension elements included, which a diagram differ
 * misses. Layout alone is not a change here. Pure.
 */
export function diffDefinitions(before: ModdleLike, after: ModdleLike): ElementChange[] {
  const a = elementsById(before, SKIP);
  const b = elementsById(after, SKIP);
  const changes: ElementChange[] = [];
  for (const [id, el] of b) if (!isDiagram(el) && !a.has(id)) changes.push(describe(el, 'added'));
  for (const [id, el] of a) if (!isDiagram(el) && !b.has(id)) changes.push(describe(el, 'removed'));
  for (const [id, old] of a) {
    const now = b.get(id);
    if (!now || isDiagram(old)) continue;
    const properties = propertyChanges(old, now);
    if (properties.length > 0) changes.push({ ...describe(now, 'changed'), properties });
  }
  return changes;
}

function describe(el: ModdleLike, change: ElementChange['change']): ElementChange {
  return { elementId: el.id!, type: el.$type, ...(typeof el.name === 'string' && el.name ? { name: el.name } : {}), change };
}

function propertyChanges(old: ModdleLike, now: ModdleLike): NonNullable<ElementChange['properties']> {
  const x = flatten(old);
  const y = flatten(now);
  const out: NonNullable<ElementChange['properties']> = [];
  for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
    if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) out.push({ property: key, ...(key in x ? { before: x[key] } : {}), ...(key in y ? { after: y[key] } : {}) });
  }
  return out;
}

/** Top-level properties, with extension elements keyed by their type so a change says which extension. */
function flatten(el: ModdleLike): Record<string, Canonical> {
  const data = canonical(el, { separateIdentified: true, skip: SKIP }) as Record<string, Canonical>;
  const { $type: _type, extensionElements, ...rest } = data;
  // Lists of contained elements (a process's flow elements): each child is listed on its own.
  const out: Record<string, Canonical> = Object.fromEntries(Object.entries(rest).filter(([, v]) => !isChildList(v)));
  const values = (extensionElements as Record<string, Canonical> | undefined)?.values as Array<Record<string, Canonical>> | undefined;
  for (const ext of values ?? []) {
    const key = `extension:${String(ext.$type)}`;
    out[key] = key in out ? [...(Array.isArray(out[key]) ? out[key] as Canonical[] : [out[key]!]), ext] : ext;
  }
  return out;
}

function isChildList(value: Canonical): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.startsWith('child:'));
}
