import type { Plugin } from 'vite';

/** Where the build writes which modules went into each chunk (a dot folder: not served). */
export const CHUNK_MODULES_FILE = '.vite/chunk-modules.json';

/** `…/node_modules/@scope/name/…` or `…/node_modules/name/…` as `@scope/name` or `name`; app modules by path (web/src/…). Pure. */
export function moduleName(id: string): string {
  const at = id.lastIndexOf('node_modules/');
  if (at < 0) return id.replace(/^\0/, '').replace(/\?.*$/, '').replace(/^.*\/web\//, 'web/');
  const [first, second] = id.slice(at + 'node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : (first ?? id);
}

/**
 * A Vite plugin writing, beside the manifest, the modules each chunk holds (package names,
 * or app paths), so the bundle budget can tell which libraries a first load brings in.
 */
export function chunkModules(): Plugin {
  return {
    name: 'yichuang-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') chunks[file] = [...new Set(output.moduleIds.map(moduleName))].sort();
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_MODULES_FILE, source: `${JSON.stringify(chunks, null, 1)}\n` });
    },
  };
}
