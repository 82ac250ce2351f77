import { readFileSync } from 'node:fs';

/**
 * The three benchmark models. Both engines run the same files. A step is one committed
 * command: the start, or one task completion.
 */
export interface BenchModel {
  /** Process id, and the file's name in bench/models. */
  id: 'direct' | 'joint' | 'promised';
  description: string;
  xml: string;
  /** Steps one instance takes from start to end: the start plus one per user task. */
  stepsPerInstance: number;
  /** After this many steps the instance is "midway" and its stored state is measured. */
  midwayAfter: number;
}

function load(id: BenchModel['id']): string {
  return readFileSync(new URL(`./models/${id}.bpmn`, import.meta.url), 'utf8');
}

export function benchModels(): BenchModel[] {
  return [
    { id: 'direct', description: '2 user tasks in a row', xml: load('direct'), stepsPerInstance: 3, midwayAfter: 1 },
    { id: 'joint', description: 'accept, 3 parallel reviews, decide, issue', xml: load('joint'), stepsPerInstance: 7, midwayAfter: 2 },
    { id: 'promised', description: 'a user task with a non-interrupting boundary timer', xml: load('promised'), stepsPerInstance: 2, midwayAfter: 1 },
  ];
}
