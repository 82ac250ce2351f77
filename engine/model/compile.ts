import type { CompiledDefinitions, ProcessDef } from './graph.js';
import type { ParsedDefinitions } from './parse.js';
import { parseBpmn } from './parse.js';
import type { ModdleElement } from './moddle.js';
import { listOf } from './moddle.js';
import { ModelError } from '../errors.js';
import { Problems } from './problems.js';
import { compileGlobalTask, compileProcess, isGlobalTask } from './compile-process.js';
import { checkSupport } from './support.js';
import { checkSpecRules } from './rules/index.js';

/**
 * BPMN XML to an immutable, validated graph. Refuses (ModelError listing every problem with
 * element id, type and rule) what breaks the BPMN spec or what the engine cannot run.
 */
export async function compileBpmn(xml: string, source?: string): Promise<CompiledDefinitions> {
  return compileParsed(await parseBpmn(xml), source);
}

export function compileParsed(parsed: ParsedDefinitions, source?: string): CompiledDefinitions {
  const specProblems = checkSpecRules(parsed);
  if (specProblems.length > 0) throw new ModelError(specProblems, source);
  const definitions = parsed.definitions;
  const problems = new Problems();
  const processes: Record<string, ProcessDef> = {};
  const nonExecutable: string[] = [];
  for (const root of listOf(definitions.rootElements).filter((e) => e.$type === 'bpmn:Process')) {
    if (!isExecutable(root)) {
      nonExecutable.push(root.id ?? '');
      continue;
    }
    const process = compileProcess(root, problems);
    problems.list.push(...checkSupport(process));
    processes[process.id] = process;
  }
  // Global tasks are callables of the file's executable processes; alone they run nothing.
  const hasExecutable = Object.keys(processes).length > 0;
  for (const global of listOf(definitions.rootElements).filter((e) => hasExecutable && isGlobalTask(e))) {
    processes[global.id ?? ''] = compileGlobalTask(global, problems);
  }
  if (Object.keys(processes).length === 0) {
    problems.add(definitions, 'executable', nonExecutable.length > 0
      ? `no executable process: ${nonExecutable.join(', ')} ${nonExecutable.length > 1 ? 'are' : 'is'} marked isExecutable="false"`
      : 'the definitions contain no process');
  }
  if (problems.list.length > 0) throw new ModelError(problems.list, source);
  return deepFreeze({ id: definitions.id ?? '', processes, nonExecutable });
}

function isExecutable(process: ModdleElement): boolean {
  return process.isExecutable === true;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
