/**
 * `npm run bench`: yichuang and bpmn-engine side by side on the same three models (issue 3).
 * Options: --instances N, --concurrency C, --quick, --skip-flat, --flat-instances N,
 * --pgbench-seconds S, --raw-sqlite-seconds S, --only NAME[,NAME] (contenders whose name contains one, or the case
 * server's parts: `api`, the load over HTTP, bench/api/; `inbox`, a clerk's inbox among 100,000
 * open cases, bench/inbox.ts), --inbox-cases N, --api-cases N, --api-clerks 10,50,200, --api-seconds S.
 * DATABASE_URL enables the PostgreSQL runs and pgbench. Each contender runs in a process
 * of its own (worker.ts), and so does the bare SQLite transaction that follows the SQLite
 * contender (raw-sqlite.ts); this one plans, draws the progress bar, runs pgbench and reports.
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchModels } from './models.js';
import { runPgbench } from './pgbench.js';
import type { PgbenchResult } from './pgbench.js';
import type { RawSqliteResult } from './raw-sqlite.js';
import { Progress } from './progress.js';
import { printReport } from './report.js';
import type { Report, Row } from './report.js';
import { CONTENDERS } from './jobs.js';
import type { ContenderName, Job, WorkerMessage } from './jobs.js';

/** Sized so that the full run, the 100,000-instance memory run included, ends within about 10 minutes here. */
const DEFAULT_INSTANCES = 1000;
const QUICK_INSTANCES = 30;
/** In-flight instances; the engine's knex pool holds 10 connections, so pgbench gets as many clients. */
const DEFAULT_CONCURRENCY = 10;
const WARMUP_INSTANCES = 50;
/** Least times for each model's warm-up and timed phase (see worker.ts); a quick run has none. */
const MIN_WARMUP_MS = 1000;
const MIN_PHASE_MS = 2000;
const BYTE_SAMPLES = 20;
const FLAT_EVERY = 10_000;
const FLAT_BUDGET_MS = 6 * 60_000;

const { values: args } = parseArgs({
  options: {
    instances: { type: 'string' },
    concurrency: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'skip-flat': { type: 'boolean', default: false },
    'flat-instances': { type: 'string' },
    'pgbench-seconds': { type: 'string' },
    'raw-sqlite-seconds': { type: 'string' },
    only: { type: 'string' },
    'inbox-cases': { type: 'string' },
    'api-seconds': { type: 'string' },
    'api-clerks': { type: 'string' },
    'api-cases': { type: 'string' },
  },
});

const quick = args.quick ?? false;
const instances = Number(args.instances ?? (quick ? QUICK_INSTANCES : DEFAULT_INSTANCES));
const concurrency = Number(args.concurrency ?? DEFAULT_CONCURRENCY);
const flatInstances = quick || args['skip-flat'] ? 0 : Number(args['flat-instances'] ?? 100_000);
const pgbenchSeconds = Number(args['pgbench-seconds'] ?? (quick ? 5 : 20));
const rawSqliteSeconds = Number(args['raw-sqlite-seconds'] ?? (quick ? 2 : 5));
const databaseUrl = process.env.DATABASE_URL;
const models = benchModels();
const warmup = Math.min(WARMUP_INSTANCES, instances);
const only = args.only?.split(',').map((name) => name.trim()).filter(Boolean);
/** The parts beside the engine's contenders (the case server's), each its own module; `--only` names them too. */
const PARTS = ['api', 'inbox'] as const;
const wantsPart = (part: (typeof PARTS)[number]) => !only || only.includes(part);
const wantsEngine = !only || only.some((name) => !(PARTS as readonly string[]).includes(name));

function skipReason(name: ContenderName): string | undefined {
  if (only && !only.some((part) => name.includes(part))) return 'skipped: not in --only';
  if (name === 'yichuang postgres' && !databaseUrl) return 'skipped: DATABASE_URL is not set';
  return undefined;
}

const running = CONTENDERS.filter((name) => !skipReason(name));
const stepsPerContender = models.reduce((sum, m) => sum + m.stepsPerInstance * (warmup + instances), 0);
const progress = new Progress(running.length * stepsPerContender + flatInstances * models[0]!.stepsPerInstance);

/** What worker processes printed (engine or driver logging; knex logs its warnings to stdout), kept for the JSON file. */
const workerOutput: Record<string, string> = {};

/**
 * Runs a job in a worker process, feeding the progress bar; resolves with its answer. The
 * worker's output is collected rather than shown, so that it can mix neither into the results
 * nor into the bar; the report says how much there was and the JSON file keeps it.
 */
function inWorker(label: string, job: Job): Promise<WorkerMessage> {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [JSON.stringify(job)], { execArgv: process.execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let answer: WorkerMessage | undefined;
    let printed = '';
    const collect = (chunk: Buffer) => {
      if (printed.length < 200_000) printed += chunk.toString();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'phase') progress.phase(message.label);
      else if (message.type === 'progress') progress.advance(message.steps);
      else if (message.type === 'grow') progress.grow(message.steps);
      else answer = message;
    });
    child.on('exit', (code, signal) => {
      if (printed) workerOutput[label] = printed;
      resolve(answer ?? { type: 'failed', error: `worker ended without results (${signal ?? `exit code ${code}`}): ${printed.trim().split('\n').at(-1) ?? ''}`, notes: [] });
    });
  });
}

/** One note per worker that printed anything: how many lines, and the first of them. */
function outputNotes(): string[] {
  return Object.entries(workerOutput).map(([label, text]) => {
    const lines = text.trim().split('\n');
    return `${label}: the worker printed ${lines.length} lines (kept in the JSON file), the first: ${lines[0]}`;
  });
}

function failedRows(name: string, error: string): Row[] {
  return models.map((model) => ({
    model: model.id, contender: name, instances: 0, steps: 0, seconds: 0, instancesPerSecond: 0, stepsPerSecond: 0,
    peakRssMb: 0, stateBytes: Number.NaN, historyBytes: Number.NaN, error,
  }));
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0]!;
  const rows: Row[] = [];
  const notes: string[] = [];
  let pgbench: PgbenchResult = { ok: false, reason: databaseUrl ? 'the yichuang postgres run did not complete' : 'DATABASE_URL is not set' };
  let rawSqlite: RawSqliteResult = { ok: false, reason: 'the yichuang sqlite run did not complete' };
  for (const name of CONTENDERS) {
    const skip = skipReason(name);
    if (skip) {
      rows.push(...failedRows(name, skip));
      continue;
    }
    const answer = await inWorker(name, {
      kind: 'contender', name, instances, warmup, byteSamples: BYTE_SAMPLES, concurrency,
      minWarmupMs: quick ? 0 : MIN_WARMUP_MS, minPhaseMs: quick ? 0 : MIN_PHASE_MS,
    });
    if (answer.type === 'rows') rows.push(...answer.rows);
    else rows.push(...failedRows(name, answer.type === 'failed' ? `failed: ${answer.error}` : 'failed: unexpected answer'));
    if ('notes' in answer) notes.push(...answer.notes.map((note) => `${name}: ${note}`));
    if (name === 'yichuang postgres' && answer.type === 'rows') {
      const clients = answer.connections ?? concurrency;
      progress.phase(`pgbench -N -T ${pgbenchSeconds} -c ${clients}`);
      pgbench = await runPgbench(databaseUrl, clients, pgbenchSeconds);
    }
    if (name === 'yichuang sqlite' && answer.type === 'rows') {
      // Right after the contender, so that both meet the same load on the machine.
      progress.phase(`a bare better-sqlite3 transaction for ${rawSqliteSeconds} s`);
      const raw = await inWorker('bare sqlite', { kind: 'raw-sqlite', seconds: rawSqliteSeconds });
      rawSqlite = raw.type === 'raw-sqlite' ? raw.result : { ok: false, reason: raw.type === 'failed' ? `failed: ${raw.error}` : 'failed' };
    }
  }
  let flat: Report['flat'] = { skipped: quick ? '--quick' : '--skip-flat' };
  if (flatInstances > 0) {
    progress.phase(`memory over ${flatInstances} direct instances`);
    const answer = await inWorker('memory run', { kind: 'flat', instances: flatInstances, every: Math.min(FLAT_EVERY, flatInstances), concurrency, budgetMs: FLAT_BUDGET_MS });
    flat = answer.type === 'flat' ? answer.result : { skipped: answer.type === 'failed' ? `failed: ${answer.error}` : 'failed' };
    if ('notes' in answer) notes.push(...answer.notes.map((note) => `memory run: ${note}`));
  }
  progress.finish();
  printReport({
    startedAt,
    loadAtStart,
    options: { instances, concurrency, quick, pgbenchSeconds, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' },
    stepDefinition: 'A step is one committed command: an instance start or one user-task completion, counted the same way for both engines '
      + `(${models.map((m) => `${m.id} ${m.stepsPerInstance}`).join(', ')} steps per instance). Each contender runs in a fresh process; `
      + (quick ? `on each model it warms up on ${warmup} instances, then ${instances} are timed. `
        : `on each model it warms up on ${warmup} instances at a time for at least ${MIN_WARMUP_MS / 1000} s, `
          + `then is timed on ${instances} at a time for at least ${MIN_PHASE_MS / 1000} s (the instances column counts them). `)
      + `State bytes: median of ${BYTE_SAMPLES} live instances, taken midway (joint: all three reviews open); `
      + 'yichuang also keeps a hash-chained history beside its snapshot, shown as history bytes at the same moment.',
    notes: [...notes, ...outputNotes()],
    rows,
    pgbench,
    rawSqlite,
    flat,
    workerOutput,
  });
}

if (wantsEngine) await main();
if (wantsPart('api')) {
  const { runApiBench } = await import('./api/run-api.js');
  await runApiBench({
    databaseUrl, seconds: Number(args['api-seconds'] ?? (quick ? 5 : 20)), seeded: Number(args['api-cases'] ?? (quick ? 1000 : 100_000)),
    clerks: (args['api-clerks'] ?? (quick ? '10' : '10,50,200')).split(',').map(Number),
  });
}
if (wantsPart('inbox')) {
  const { runInboxBench } = await import('./inbox.js');
  await runInboxBench(Number(args['inbox-cases'] ?? (quick ? 1000 : 100_000)), databaseUrl);
}
process.exit(0);
