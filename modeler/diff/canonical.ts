/**
 * A moddle element as plain data, for comparing two diagrams by meaning rather than by text:
 * attribute order, namespace prefixes and whitespace do not count; references are written as
 * the id they point to. Pure.
 */

/** The slice of a moddle element this module reads. */
export interface ModdleLike {
  $type: string;
  id?: string;
  $attrs?: Record<string, unknown>;
  $descriptor?: { properties?: Array<{ name: string }>; propertiesByName?: Record<string, { isReference?: boolean; default?: unknown }> };
  [key: string]: unknown;
}

export type Canonical = string | number | boolean | null | Canonical[] | { [key: string]: Canonical };

export interface CanonicalOptions {
  /** Children with an id of their own are written as `child:<id>` (each is compared on its own). */
  separateIdentified?: boolean;
  /** Leave out these properties (e.g. `di`, the diagram link bpmn-js adds when it imports). */
  skip?: readonly string[];
}

function isElement(value: unknown): value is ModdleLike {
  return typeof value === 'object' && value !== null && typeof (value as ModdleLike).$type === 'string';
}

function isReference(element: ModdleLike, key: string): boolean {
  return Boolean(element.$descriptor?.propertiesByName?.[key]?.isReference);
}

/** The element's own properties and everything it contains, as plain data. */
export function canonical(element: ModdleLike, options: CanonicalOptions = {}, top = true): Canonical {
  if (!top && options.separateIdentified && element.id) return `child:${element.id}`;
  const out: Record<string, Canonical> = { $type: element.$type };
  for (const key of propertyNames(element)) {
    if (options.skip?.includes(key)) continue;
    const value = element[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    // A value written out that equals the schema's default says nothing more than leaving it out.
    if (value === element.$descriptor?.propertiesByName?.[key]?.default) continue;
    out[key] = isReference(element, key) ? referenceOf(value) : valueOf(value, options);
  }
  // Elements of a namespace no descriptor knows keep their content here (bpmn-moddle's generic elements).
  if (Array.isArray(element.$children) && element.$children.length > 0) out.$children = valueOf(element.$children, options);
  if (typeof element.$body === 'string' && element.$body.trim() !== '') out.$body = element.$body.trim();
  for (const [name, value] of Object.entries(element.$attrs ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.startsWith('xmlns')) continue;
    // An xsi:type is read by its local name (its prefix is whatever the file bound); naming the element's own type (dc:Point
    // on a waypoint, or tFormalExpression, the schema's name of bpmn:FormalExpression, by BPMN's `t` type prefix) it adds nothing.
    const local = (type: string) => type.replace(/^[^:]*:/, '');
    if (name === 'xsi:type') {
      const own = local(element.$type);
      if (![own, `t${own}`].includes(local(String(value)))) out['@xsi:type'] = local(String(value));
    } else out[`@${name}`] = String(value);
  }
  return out;
}

/** Set properties, and those moddle keeps non-enumerable (a flow node's incoming and outgoing). */
function propertyNames(element: ModdleLike): string[] {
  const names = new Set([...Object.keys(element), ...(element.$descriptor?.properties ?? []).map((p) => p.name)]);
  return [...names].filter((key) => !key.startsWith('$') && Object.prototype.hasOwnProperty.call(element, key)).sort();
}

function referenceOf(value: unknown): Canonical {
  if (Array.isArray(value)) return value.map(referenceOf);
  return isElement(value) ? `#${value.id ?? '?'}` : String(value);
}

function valueOf(value: unknown, options: CanonicalOptions): Canonical {
  if (Array.isArray(value)) return value.map((v) => valueOf(v, options));
  if (isElement(value)) return canonical(value, options, false);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Canonical;
  return String(value);
}

/** Every element with an id under the root (the root included), by id. */
export function elementsById(root: ModdleLike, skip: readonly string[] = []): Map<string, ModdleLike> {
  const found = new Map<string, ModdleLike>();
  const visit = (element: ModdleLike) => {
    if (element.id) found.set(element.id, element);
    for (const key of propertyNames(element)) {
      if (skip.includes(key) || isReference(element, key)) continue;
      const value = element[key];
      for (const child of Array.isArray(value) ? value : [value]) if (isElement(child)) visit(child);
    }
  };
  visit(root);
  return found;
}
