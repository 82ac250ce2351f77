/**
 * The pages' first-load budget (run by npm test): builds the pages if stale, then adds up the
 * gzip size of the JavaScript a browser loads before sign-in and the inbox show (index.html's
 * entry and its static imports) against 400 KB, and fails if any of it holds bpmn-js or form-js
 * code, which must come in chunks loaded when a diagram or a form is opened.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuilt } from '../web/build/ensure-built.js';
import { CHUNK_MODULES_FILE } from '../web/build/chunk-modules.js';
import { firstLoadFiles, lazyOnlyOffenders } from '../web/build/first-load.js';
import type { Manifest } from '../web/build/first-load.js';

const BUDGET_BYTES = 400 * 1000;

const { dir } = await ensureWebBuilt((line) => console.log(line));
const manifest = JSON.parse(await readFile(join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
const modules = JSON.parse(await readFile(join(dir, CHUNK_MODULES_FILE), 'utf8')) as Record<string, string[]>;
const files = firstLoadFiles(manifest);
const sizes = await Promise.all(files.map(async (file) => gzipSync(await readFile(join(dir, file))).length));
const total = sizes.reduce((sum, size) => sum + size, 0);
const offenders = lazyOnlyOffenders(files, modules);

console.log(`first load (sign-in and inbox): ${files.length} JavaScript file(s), ${(total / 1000).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1000} KB)`);
if (total > BUDGET_BYTES) {
  console.error(`over budget by ${((total - BUDGET_BYTES) / 1000).toFixed(1)} KB: ${files.map((f, i) => `${f} ${(sizes[i]! / 1000).toFixed(1)} KB`).join(', ')}`);
  process.exitCode = 1;
}
if (offenders.length) {
  console.error(`the first load holds code that must load only when a diagram or form is opened:\n  ${offenders.join('\n  ')}`);
  process.exitCode = 1;
}
