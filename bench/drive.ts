import type { Contender } from './contenders/contender.js';
import type { BenchModel } from './models.js';

export interface DriveOptions {
  instances: number;
  /** Instances in flight at once. */
  concurrency: number;
  /** Measure stored bytes on the first this many instances, when they are midway. */
  sampleBytes?: number;
  /** Called after every step. */
  onStep?: () => void;
}

export interface DriveResult {
  instances: number;
  steps: number;
  /** Stored bytes of the sampled instances, taken midway. */
  bytes: number[];
  /** History bytes of the same instances at the same moment, where the engine keeps a history. */
  historyBytes: number[];
}

/** Starts `instances` instances of `model` and completes every task of each, `concurrency` at a time. */
export async function drive(contender: Contender, model: BenchModel, options: DriveOptions): Promise<DriveResult> {
  const result: DriveResult = { instances: 0, steps: 0, bytes: [], historyBytes: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.instances) {
      const index = next++;
      const steps = await runOne(contender, model, index < (options.sampleBytes ?? 0) ? result : undefined, () => {
        result.steps++;
        options.onStep?.();
      });
      if (steps !== model.stepsPerInstance) {
        throw new Error(`${contender.name}: a ${model.id} instance took ${steps} steps, expected ${model.stepsPerInstance}`);
      }
      result.instances++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return result;
}

async function runOne(contender: Contender, model: BenchModel, sample: DriveResult | undefined, stepped: () => void): Promise<number> {
  const id = await contender.start(model);
  const midway = async (steps: number): Promise<void> => {
    if (!sample || steps !== model.midwayAfter) return;
    sample.bytes.push(await contender.storedBytes(id));
    if (contender.historyBytes) sample.historyBytes.push(await contender.historyBytes(id));
  };
  let steps = 1;
  stepped();
  await midway(steps);
  for (let tasks = await contender.openTasks(id); tasks.length > 0; tasks = await contender.openTasks(id)) {
    for (const task of tasks) {
      await contender.complete(id, task);
      steps++;
      stepped();
      await midway(steps);
    }
  }
  return steps;
}
