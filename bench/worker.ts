/**
 * Runs one contender (or the long memory run) in a process of its own, so that none inherits
 * another's heap, compiled code or timers, and peak RSS is its own. Started by run.ts with
 * the job as JSON in argv; answers over IPC.
 */
import { BpmnEngineContender } from './contenders/bpmn-engine.js';
import type { Contender } from './contenders/contender.js';
import { YichuangContender } from './contenders/yichuang.js';
import { drive } from './drive.js';
import { runFlat } from './flat.js';
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
 * The least time each model warms up for. A thousand instances take yichuang in memory a
 * tenth of a second, less than V8 needs to optimise the code it runs: measured after only
 * the 50 warm-up instances, the phase timed the JIT more than the engine.
 */
const MIN_WARMUP_MS = 1000;

async function runModel(contender: Contender, model: BenchModel, job: Extract<Job, { kind: 'contender' }>, progress: IpcProgress): Promise<Row> {
  progress.phase(`${contender.name} ${model.id}: warming up`);
  const started = performance.now();
  const warm = await drive(contender, model, { instances: job.warmup, concurrency: job.concurrency, sampleBytes: job.byteSamples, onStep: () => progress.advance() });
  while (performance.now() - started < MIN_WARMUP_MS) {
    progress.grow(job.warmup * model.stepsPerInstance);
    await drive(contender, model, { instances: job.warmup, concurrency: job.concurrency, onStep: () => progress.advance() });
  }
  progress.phase(`${contender.name} ${model.id}: ${job.instances} instances`);
  const phase = await measurePhase((sampler) => drive(contender, model, {
    instances: job.instances, concurrency: job.concurrency, onStep: () => { progress.advance(); sampler.sample(); },
  }), () => contender.connectionsInUse?.() ?? 0);
  const seconds = phase.ms / 1000;
  return {
    model: model.id, contender: contender.name, instances: phase.result.instances, steps: phase.result.steps, seconds,
    instancesPerSecond: phase.result.instances / seconds, stepsPerSecond: phase.result.steps / seconds,
    peakRssMb: phase.peakRss / (1024 * 1024), stateBytes: median(warm.bytes), historyBytes: median(warm.historyBytes),
    ...(contender.connections ? { connections: { pool: contender.connections, peakInUse: phase.peakConnections } } : {}),
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
    answer = job.kind === 'flat'
      ? { type: 'flat', result: await runFlat(benchModels()[0]!, job.instances, job.every, job.concurrency, job.budgetMs, progress), notes }
      : await runContender(job, progress);
  } catch (err) {
    answer = { type: 'failed', error: String(err).split('\n')[0]!, notes };
  }
  progress.flush();
  await send(answer);
  // Engines may leave timers behind (bpmn-engine's stopped instances, a scheduler's next look); the results are in.
  process.exit(0);
}

await main();
