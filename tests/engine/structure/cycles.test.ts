import { describe, expect, test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { cycles, importGraph } from './import-graph.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the import graph finds circles', () => {
  test('two files that import each other make one circle', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts', 'c.ts']], ['c.ts', []]]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts']]);
  });

  test('a longer circle is found whole, and a file importing itself is a circle too', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['d.ts']], ['e.ts', ['a.ts']]]);
    expect(cycles(graph).sort()).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  test('a graph that only branches and joins has no circle', () => {
    const graph = new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['d.ts']], ['c.ts', ['d.ts']], ['d.ts', []]]);
    expect(cycles(graph)).toEqual([]);
  });
});

describe("the engine's layout", () => {
  const graph = importGraph(root, 'engine');

  test('reads the real sources: the facade imports its composition root', () => {
    expect(graph.get('engine/engine.ts')).toContain('engine/assemble.ts');
    expect(graph.get('engine/assemble.ts')).toContain('engine/commands/command-path.ts');
  });

  // The step's own parts recurse into each other (an activity's life cycle enters its behaviour,
  // which completes it through the life cycle again): a circle inside engine/runtime/ is that
  // recursion, kept in one folder. Anywhere else a circle is a part leaning on what stands above it.
  test('no files import each other in a circle, except the pure step recursing inside engine/runtime/', () => {
    const outsideRuntime = cycles(graph).filter((circle) => !circle.every((file) => file.startsWith('engine/runtime/')));
    expect(outsideRuntime).toEqual([]);
  });

  test('the parts stand below the facade: only the entry and the queue worker, which drive an engine, import engine.ts', () => {
    const importers = [...graph].filter(([, targets]) => targets.includes('engine/engine.ts')).map(([file]) => file).sort();
    expect(importers).toEqual(['engine/index.ts', 'engine/queue/worker-main.ts', 'engine/queue/worker-module.ts', 'engine/queue/worker.ts']);
  });
});
