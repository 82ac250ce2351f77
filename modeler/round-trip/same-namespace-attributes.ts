/**
 * An element of another vendor's namespace may carry both `name` and `prefix:name`, the
 * second in the element's own namespace (Trisotech writes `<triso:allowedValues
 * constraintsType=".." triso:constraintsType="..">`, MIWG C.8.1). They are two attributes, but
 * moddle-xml writes a prefix of the element's own namespace as no prefix and then keeps one of
 * the two. Before writing, the prefixed one is renamed to a placeholder the writer leaves
 * alone; in the text written, the placeholder is named back. Pure but for the renames it
 * makes and undoes on the elements given.
 */
interface Generic { $type: string; [key: string]: unknown }

const PLACEHOLDER = '_ycKeptPrefixed';

export interface Renamed { element: Generic; key: string; placeholder: string }

/** Every element under the root (references and parents are not followed), once. Pure. */
function elementsUnder(root: unknown, seen = new Set<unknown>()): Generic[] {
  if (!root || typeof root !== 'object' || seen.has(root)) return [];
  seen.add(root);
  if (Array.isArray(root)) return root.flatMap((v) => elementsUnder(v, seen));
  const element = root as Generic;
  const children = Object.entries(element).filter(([k]) => !k.startsWith('$') || k === '$children').flatMap(([, v]) => elementsUnder(v, seen));
  return typeof element.$type === 'string' ? [element, ...children] : children;
}

/** Renames each `prefix:name` beside a plain `name` on an element of that prefix. */
export function renameClashing(root: unknown): Renamed[] {
  const renamed: Renamed[] = [];
  for (const element of elementsUnder(root)) {
    const prefix = element.$type.includes(':') ? element.$type.split(':')[0] : undefined;
    for (const key of Object.keys(element)) {
      const [own, name] = key.split(':');
      if (!name || own !== prefix || !(name in element)) continue;
      const placeholder = `${name}${PLACEHOLDER}${renamed.length}`;
      element[placeholder] = element[key];
      delete element[key];
      renamed.push({ element, key, placeholder });
    }
  }
  return renamed;
}

/** The written text with each placeholder named back as its prefixed attribute. Pure. */
export function nameBack(xml: string, renamed: readonly Renamed[]): string {
  return renamed.reduce((text, r) => text.replaceAll(` ${r.placeholder}="`, ` ${r.key}="`), xml);
}

/** The elements as they were. */
export function undoRenames(renamed: readonly Renamed[]): void {
  for (const r of renamed) {
    r.element[r.key] = r.element[r.placeholder];
    delete r.element[r.placeholder];
  }
}
