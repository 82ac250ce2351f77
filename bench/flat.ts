import { YichuangContender } from './contenders/yichuang.js';
import { drive } from './drive.js';
import { collectGarbage } from './measure.js';
import type { BenchModel } from './models.js';
import type { ProgressSink } from './progress.js';

export interface FlatResult {
  instances: number;
  planned: number;
  /** Heap used (after a full GC when it could be forced) every `every` instances. */
  samples: Array<{ instances: number; heapUsed: number; rss: number }>;
  gcForced: boolean;
  /** Instances the memory store still holds at the end (it forgets ended ones in this run). */
  retained: number;
  flat: boolean;
  growthPerInstance: number;
  stoppedEarly?: string;
}

/** Heap may end at most this much above where it was at the first sample and count as flat. */
const FLAT_TOLERANCE = 0.1;
const FLAT_SLACK_BYTES = 8 * 1024 * 1024;

/**
 * A long run on the memory store, set to forget ended instances (what is measured is the
 * engine, not the records a store keeps by design): starts and completes `planned`
 * instances of the direct model in batches, and samples the heap after GC every `every` instances. Flat means the
 * last sample is within 10 % (or 8 MB) of the first.
 */
export async function runFlat(model: BenchModel, planned: number, every: number, concurrency: number, budgetMs: number, progress: ProgressSink): Promise<FlatResult> {
  const contender = new YichuangContender('memory', undefined, false);
  await contender.open([model]);
  const samples: FlatResult['samples'] = [];
  let gcForced = false;
  let done = 0;
  let stoppedEarly: string | undefined;
  const started = Date.now();
  try {
    while (done < planned) {
      const batch = Math.min(every, planned - done);
      await drive(contender, model, { instances: batch, concurrency, onStep: () => progress.advance() });
      done += batch;
      gcForced = collectGarbage();
      const memory = process.memoryUsage();
      samples.push({ instances: done, heapUsed: memory.heapUsed, rss: memory.rss });
      if (Date.now() - started > budgetMs && done < planned) {
        stoppedEarly = `stopped after ${done} instances: the ${Math.round(budgetMs / 60_000)}-minute budget ran out`;
        progress.grow(-(planned - done) * model.stepsPerInstance);
        break;
      }
    }
    const retained = await contender.retainedInstances();
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const growth = last.heapUsed - first.heapUsed;
    return {
      instances: done, planned, samples, gcForced, retained, stoppedEarly,
      flat: samples.length > 1 && (growth <= first.heapUsed * FLAT_TOLERANCE || growth <= FLAT_SLACK_BYTES),
      growthPerInstance: last.instances > first.instances ? growth / (last.instances - first.instances) : 0,
    };
  } finally {
    await contender.close();
  }
}
