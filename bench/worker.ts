/**
 * Runs one contender (or the long memory run) in a process of its own, so that none inherits
 * another's heap, compiled code or timers, and peak RSS is its own. Started by run.ts with
 * the job as JSON in argv; answers over IPC.
 */
import { BpmnEngineContender } from './contenders/bpmn-engine.js';
import type { Contender } from './contenders/contender.js';
import { YichuangContender } from './contenders/yichuang.js';
import { drive } from './drive.js';
import type { DriveOptions, DriveResult } from './drive.js';
import { runFlat } from './flat.js';
import { runRawSqlite } from './raw-sqlite.js';
import { measurePhase, median } from './measure.js';
import { benchModels } from './models.js';
import type { BenchModel } from './models.js';
import type { ProgressSink } from './progress.js';
import type { Row } from './report.js';
import type { ContenderName, Job, WorkerMessage } from './jobs.js';

const notes: string[] = [];
// Background work failing after an engine closed must not lose the results; it is reported.
process.on('unhandledRejection', (reason) => {
  const note = `unhandled rejection in background work (an engine bug, not a benchmark result): ${String(reason).split('\n')[0]}`;
  if (!notes.includes(note)) notes.push(note);
});

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

/** Progress for the parent's bar, sent in batches so that IPC stays off the measured path. */
class IpcProgress implements ProgressSink {
  private pending = 0;
  private last = Date.now();
  phase(label: string): void {
    this.flush();
    void send({ type: 'phase', label });
  }
  advance(steps = 1): void {
    this.pending += steps;
    if (Date.now() - this.last >= 200) this.flush();
  }
  grow(steps: number): void {
    void send({ type: 'grow', steps });
  }
  flush(): void {
    this.last = Date.now();
    if (this.pending !== 0) void send({ type: 'progress', steps: this.pending });
    this.pending = 0;
  }
}

function makeContender(name: ContenderName): Contender {
  switch (name) {
    case 'bpmn-engine memory': return new BpmnEngineContender('memory');
    case 'bpmn-engine recover': return new BpmnEngineContender('recover');
    case 'yichuang memory': return new YichuangContender('memory');
    case 'yichuang sqlite': return new YichuangContender('sqlite');
    case 'yichuang postgres': return new YichuangContender('postgres', process.env.DATABASE_URL);
  }
}

/**
 * Drives batches of `batch` instances until `minMs` has passed (at least one batch); the
 * first may sample stored bytes. Counts what the batches did.
 */
async function driveFor(contender: Contender, model: BenchModel, batch: number, minMs: number, options: Omit<DriveOptions, 'instances'>, progress: IpcProgress): Promise<DriveResult> {
  const started = performance.now();
  const total = await drive(contender, model, { ...options, instances: batch });
  while (performance.now() - started < minMs) {
    progress.grow(batch * model.stepsPerInstance);
    const more = await drive(contender, model, { ...options, instances: batch, sampleBytes: 0 });
    total.instances += more.instances;
    total.steps += more.steps;
  }
  return total;
}

/**
 * Both the warm-up and the timed phase last at least a given time, not only a number of instances:
 * a thousand instances take yichuang in memory a tenth of a second, less than V8 needs to
 * optimise what it runs, and the full garbage collection forced before the phase slows the
 * next few hundred milliseconds (the phase then timed mostly that). Slower contenders pass
 * the least time within their instances anyway.
 */
async function runModel(contender: Contender, model: BenchModel, job: Extract<Job, { kind: 'contender' }>, progress: IpcProgress): Promise<Row> {
  progress.phase(`${contender.name} ${model.id}: warming up`);
  const warm = await driveFor(contender, model, job.warmup, job.minWarmupMs, {
    concurrency: job.concurrency, sampleBytes: job.byteSamples, onStep: () => progress.advance(),
  }, progress);
  progress.phase(`${contender.name} ${model.id}: ${job.instances} instances or more`);
  const phase = await measurePhase((sampler) => driveFor(contender, model, job.instances, job.minPhaseMs, {
    concurrency: job.concurrency, onStep: () => { progress.advance(); sampler.sample(); },
  }, progress), () => contender.connectionsNow?.() ?? { open: 0, inUse: 0 });
  const seconds = phase.ms / 1000;
  return {
    model: model.id, contender: contender.name, instances: phase.result.instances, steps: phase.result.steps, seconds,
    instancesPerSecond: phase.result.instances / seconds, stepsPerSecond: phase.result.steps / seconds,
    peakRssMb: phase.peakRss / (1024 * 1024), stateBytes: median(warm.bytes), historyBytes: median(warm.historyBytes),
    ...(contender.connections ? { connections: { pool: contender.connections, peakOpen: phase.peakConnections.open, peakInUse: phase.peakConnections.inUse } } : {}),
  };
}

async function runContender(job: Extract<Job, { kind: 'contender' }>, progress: IpcProgress): Promise<WorkerMessage> {
  const contender = makeContender(job.name);
  try {
    progress.phase(`${job.name}: opening`);
    const models = benchModels();
    await contender.open(models);
    const rows: Row[] = [];
    for (const model of models) rows.push(await runModel(contender, model, job, progress));
    if ('note' in contender) notes.push(String(contender.note));
    return { type: 'rows', rows, notes, connections: contender.connections };
  } finally {
    await contender.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]!) as Job;
  const progress = new IpcProgress();
  let answer: WorkerMessage;
  try {
    if (job.kind === 'flat') answer = { type: 'flat', result: await runFlat(benchModels()[0]!, job.instances, job.every, job.concurrency, job.budgetMs, progress), notes };
    else if (job.kind === 'raw-sqlite') answer = { type: 'raw-sqlite', result: runRawSqlite(job.seconds), notes };
    else answer = await runContender(job, progress);
  } catch (err) {
    answer = { type: 'failed', error: String(err).split('\n')[0]!, notes };
  }
  progress.flush();
  await send(answer);
  // Engines may leave timers behind (bpmn-engine's stopped instances, a scheduler's next look); the results are in.
  process.exit(0);
}

await main();
