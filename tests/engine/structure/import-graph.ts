/**
 * The import graph of a folder, read with the TypeScript compiler's pre-processor (no type
 * check, no build): which file imports which, and what that graph holds in a circle. The
 * structure tests hold the engine's layout with it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** Each file (relative to the root it was read from, with `/`) and the files of the graph it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every `.ts` file under `folder` of `root`, and the relative imports of each that land on another. */
export function importGraph(root: string, folder: string): ImportGraph {
  const files = typeScriptFiles(join(root, folder)).map((file) => toKey(relative(root, file)));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = importedFiles.map((ref) => ref.fileName).filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(file, spec, known)).filter((target) => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The groups of files that import each other in a circle (strongly connected components of
 * more than one file, or a file that imports itself), each sorted, found by Tarjan's
 * algorithm. Pure.
 */
export function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

/** Every file the given ones import, directly or through others (themselves included). Pure. */
export function reachedFrom(graph: ImportGraph, starts: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const todo = [...starts];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    todo.push(...(graph.get(file) ?? []));
  }
  return reached;
}

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** An ESM specifier as the sources write it (`./x.js`, `./x.ts`, `./dir/index.js`) to the graph's file. */
function resolve(from: string, spec: string, known: ReadonlySet<string>): string | undefined {
  const base = toKey(normalize(join(dirname(from), spec)));
  const stem = base.replace(/\.(js|ts)$/, '');
  return [`${stem}.ts`, `${base}/index.ts`].find((candidate) => known.has(candidate));
}

function toKey(path: string): string {
  return path.split(sep).join('/');
}
