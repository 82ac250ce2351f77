import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so no machine's absolute path is written down. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared conformance material lives beside the repository, never inside it. */
export const conformanceDir = path.resolve(repoRoot, '../shared/conformance');
/** The betsy suite (expectations.json, models/) and the MIWG reference models. */
export const betsyDir = path.join(conformanceDir, 'betsy');
export const miwgDir = path.join(conformanceDir, 'miwg');

/** Whether a suite folder is present on this machine (the jest guards skip without it). */
export function isPresent(dir: string): boolean {
  return existsSync(dir);
}
