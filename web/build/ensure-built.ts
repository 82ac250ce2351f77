import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesHash } from './sources.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
/** Where the built pages live; `npm start` serves this folder at `/`. */
export const pagesDir = join(repo, 'web', 'dist');
/** Written into the build: the hash of the sources it was made from. A dot file, so it is not served. */
const STAMP = '.build-stamp';

/** The hash the current build was made from, if there is a build. Reads a file. */
async function builtFrom(dir: string): Promise<string | undefined> {
  return (await readFile(join(dir, STAMP), 'utf8').catch(() => undefined))?.trim();
}

/**
 * Builds the pages with Vite into a fresh folder, then swaps it in, so a server reading
 * web/dist never sees half a build and two processes building at once do not mix files.
 */
export async function buildWeb(hash?: string): Promise<void> {
  const { build } = await import('vite');
  const fresh = join(repo, 'web', `.dist-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await build({ configFile: join(repo, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: fresh, emptyOutDir: true } });
    await writeFile(join(fresh, STAMP), `${hash ?? (await sourcesHash(repo))}\n`);
    const old = `${fresh}-old`;
    await rename(pagesDir, old).catch(() => undefined);
    // Another process may have swapped in its build meanwhile: fine if it was made from the same sources.
    await rename(fresh, pagesDir).catch(async (err: unknown) => {
      if ((await builtFrom(pagesDir)) !== (await builtFrom(fresh))) throw err;
    });
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

/**
 * Makes sure web/dist holds a build of the current sources: builds when it is missing or was
 * made from other sources (by content hash), else leaves it. Returns the folder and whether
 * it built. Not pure: reads the sources, may run Vite and write web/dist.
 */
export async function ensureWebBuilt(log: (line: string) => void = () => undefined): Promise<{ dir: string; built: boolean }> {
  const hash = await sourcesHash(repo);
  if ((await builtFrom(pagesDir)) === hash) return { dir: pagesDir, built: false };
  log('Pages:    building web/ (its sources changed or it was never built) …');
  const started = Date.now();
  await buildWeb(hash);
  log(`Pages:    built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir: pagesDir, built: true };
}
