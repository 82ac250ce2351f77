/** One entry of Vite's build manifest (.vite/manifest.json), as far as the budget reads it. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/**
 * The JavaScript files a browser loads before the first page shows: index.html's entry and,
 * transitively, what it imports statically (dynamic imports load later, when a page asks).
 * Pure.
 */
export function firstLoadFiles(manifest: Manifest, entry = 'index.html'): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  if (!manifest[entry]) throw new Error(`the manifest has no entry ${entry}`);
  visit(entry);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js')).sort();
}

/** Packages that must never be in the first load: heavy editors and viewers come when a page opens them. */
export const LAZY_ONLY = ['bpmn-js', 'diagram-js', '@bpmn-io/form-js'];

/**
 * The first-load files holding modules of a lazy-only package (by package-name prefix, so
 * `@bpmn-io/form-js-viewer` counts as `@bpmn-io/form-js`), as `file: package` lines. Pure.
 */
export function lazyOnlyOffenders(files: readonly string[], chunkModules: Record<string, string[]>, lazyOnly = LAZY_ONLY): string[] {
  return files.flatMap((file) => (chunkModules[file] ?? [])
    .filter((name) => lazyOnly.some((pkg) => name === pkg || name.startsWith(`${pkg}-`) || name.startsWith(`${pkg}/`)))
    .map((name) => `${file}: ${name}`));
}
