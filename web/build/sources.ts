import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * What the built pages are made of: the app, its build setup, what it shares with the server
 * (api/validation, the modeler and the engine's model and calendar it runs in the browser),
 * and the locked dependency versions.
 */
const INPUTS = ['web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'web/src', 'web/public', 'web/build', 'api/validation', 'modeler', 'engine', 'package-lock.json'];

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [path];
  const nested = await Promise.all(entries.map((e) => filesUnder(join(path, e.name))));
  return nested.flat();
}

/**
 * A hash of every input of the build, by content (not mtime: a checkout or a copy changes
 * mtimes but not what the pages are). A missing input counts as empty. Reads files only.
 */
export async function sourcesHash(repo: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(INPUTS.map((input) => filesUnder(join(repo, input))))).flat().sort();
  for (const file of files) {
    const content = await readFile(file).catch(() => Buffer.alloc(0));
    hash.update(`${relative(repo, file)}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}
