import { describe, expect, test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { ESLint } from 'eslint';
import { importGraph, reachedFrom } from './import-graph.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Whether the lint config computed for `file` holds the pure step's rules: no node: imports, no Date.now. */
async function linterHoldsPure(eslint: ESLint, file: string): Promise<boolean> {
  const { rules } = await eslint.calculateConfigForFile(file) as { rules: Record<string, unknown[]> };
  const imports = JSON.stringify(rules['no-restricted-imports'] ?? []);
  const properties = JSON.stringify(rules['no-restricted-properties'] ?? []);
  return imports.includes('"node:*"') && properties.includes('"property":"now"');
}

describe('the purity lint covers everything the pure step imports', () => {
  const graph = importGraph(root, 'engine');
  const step = [...graph.keys()].filter((file) => file.startsWith('engine/runtime/'));
  const reached = [...reachedFrom(graph, step)].sort();
  const eslint = new ESLint({ cwd: root });

  test('the import graph reaches beyond engine/runtime/ (the walk follows imports)', () => {
    expect(reached).toContain('engine/model/graph.ts');
    expect(reached).toContain('engine/expressions/index.ts');
  });

  test('every file engine/runtime/ reaches is linted as pure', async () => {
    const unlinted: string[] = [];
    for (const file of reached) if (!(await linterHoldsPure(eslint, file))) unlinted.push(file);
    expect(unlinted).toEqual([]);
  });

  // Folder by folder, not file by file: a new file in a folder the step reaches is pure from its first line.
  test('so is a new file in any folder below engine/ that the step reaches', async () => {
    const folders = [...new Set(reached.map((file) => dirname(file)))].filter((folder) => folder !== 'engine');
    const unlinted: string[] = [];
    for (const folder of folders) if (!(await linterHoldsPure(eslint, `${folder}/a-new-file.ts`))) unlinted.push(folder);
    expect(unlinted).toEqual([]);
  });

  test('the check can fail: the shell, which the step does not reach, is not linted as pure', async () => {
    expect(await linterHoldsPure(eslint, 'engine/commands/command-path.ts')).toBe(false);
  });
});
