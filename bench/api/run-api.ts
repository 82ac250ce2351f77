/**
 * `npm run bench -- --only api`: the case server over HTTP under N concurrent clerks (10, 50,
 * 200 by default), on the embedded default (one process, a SQLite file) and in server mode on
 * PostgreSQL (two api processes and a worker, with REDIS_URL), each on a database already
 * holding `seeded` open cases from the bulk seeder. Reports cases/s, p50/p95/p99 per route,
 * errors, and the ratio of engine steps committed per second through the API to the engine's
 * own bench (bench/drive.ts, direct model) on the same database in the same run, both counted the same way
 * (`committedSteps`: commits of any process, jobs and messages included, not HTTP requests).
 * In server mode the 50-clerk level kills (kill -9) one api process and the worker halfway and starts them again,
 * then checks that every acknowledged request is in the database and no case is half-written.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openPlatform } from '../../api/platform.js';
import { seedDemoCounty } from '../../api/seed/demo-county.js';
import { seedOpenCases, settleSeeded } from '../seed-open-cases.js';
import { BIRTH, benchStore, townshipClerks } from '../inbox.js';
import { runLoad } from './clerks.js';
import type { LoadResult } from './clerks.js';
import { YichuangContender } from '../contenders/yichuang.js';
import { benchModels } from '../models.js';
import { drive } from '../drive.js';
import { connect } from '../../engine/store/knex/connect.js';
import type { Knex } from 'knex';

/**
 * Engine steps committed so far in a database: every commit of an instance raises its version by one (its first
 * commit writes version 1), so the sum of versions counts commits, whoever made them (an api process, the worker,
 * the engine's own bench). Instances are kept when they end, so nothing is lost from the sum.
 */
export async function committedSteps(db: Knex): Promise<number> {
  const row = await db('yc_instances').sum({ n: 'version' }).first();
  return Number(row?.n ?? 0);
}

export interface ApiBenchOptions { databaseUrl?: string; seconds: number; seeded: number; clerks: number[] }

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a process (node with tsx, so that its pid is the server's own) and resolves once it printed "ready" (an api) or at once (a worker). */
function start(args: string[], env: Record<string, string>, waitReady: boolean): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // YC_BENCH_CPU_PROF=DIR: each process writes a CPU profile there when it ends (node --cpu-prof).
    const profile = process.env.YC_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.YC_BENCH_CPU_PROF}`] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...args], { cwd: root, env: { ...process.env, TZ: 'Asia/Shanghai', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const seen = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (waitReady && output.includes('ready')) resolve(child);
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} ended (${code}): ${output.trim().split('\n').slice(-3).join(' / ')}`)));
    if (!waitReady) resolve(child);
  });
}

const WORKER = ['engine/queue/worker-main.ts', '--handlers', 'api/job-handlers.ts'];

/** The clerks' level at which one api process and the worker are killed (kill -9) halfway, in server mode. */
const KILL_AT_CLERKS = 50;

/**
 * After a run with kills: every case the server acknowledged (201) is in the database with its instances, every
 * step it acknowledged (200) is closed, and no case of the run is half-written (a case row without its process).
 * Returns the problems found; none is the pass.
 */
async function acknowledgedKept(db: Knex, load: LoadResult): Promise<string[]> {
  const problems: string[] = [];
  const { cases, completions } = load.acknowledged;
  for (let i = 0; i < cases.length; i += 500) {
    const ids = cases.slice(i, i + 500);
    const found = await db('yc_cases').whereIn('id', ids).select('id', 'instance_id');
    if (found.length !== ids.length) problems.push(`${ids.length - found.length} acknowledged cases missing`);
    const withoutProcess = await db('yc_cases as c').whereIn('c.id', ids).whereNotExists(db('yc_instances as i').whereRaw('i.id = c.instance_id')).count({ n: '*' }).first();
    if (Number(withoutProcess?.n) > 0) problems.push(`${withoutProcess?.n} acknowledged cases without their process instance`);
  }
  for (let i = 0; i < completions.length; i += 500) {
    const ids = completions.slice(i, i + 500);
    const closed = await db('yc_tasks').whereIn('id', ids).whereNotNull('closed_at').count({ n: '*' }).first();
    if (Number(closed?.n) !== new Set(ids).size) problems.push(`${new Set(ids).size - Number(closed?.n)} acknowledged completions not recorded as closed`);
  }
  return problems;
}

/** The engine's own steps per second on the same database: the direct model, 10 at a time, for about `seconds`. */
async function engineStepsPerSecond(kind: 'sqlite' | 'postgres', databaseUrl: string | undefined, seconds: number): Promise<number> {
  const contender = new YichuangContender(kind, databaseUrl);
  const models = benchModels();
  await contender.open(models);
  try {
    const direct = models.find((m) => m.id === 'direct')!;
    await drive(contender, direct, { instances: 50, concurrency: 10 });
    const before = await committedSteps(contender.knex!);
    const t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000) await drive(contender, direct, { instances: 100, concurrency: 10 });
    return (await committedSteps(contender.knex!) - before) / ((performance.now() - t0) / 1000);
  } finally {
    await contender.close();
  }
}

const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(0));

/** Prints one load level; returns the engine steps committed per second during it. */
function report(label: string, clerks: number, r: LoadResult, commits: number): number {
  const commitsPerSecond = commits / r.seconds;
  const errors = [...r.routes.values()].reduce((n, l) => n + l.errors, 0);
  console.log(`  ${label}, ${clerks} clerks, ${r.seconds} s: ${(r.casesDone / r.seconds).toFixed(1)} cases/s done, ${(r.steps / r.seconds).toFixed(1)} intakes and completions/s, ${commitsPerSecond.toFixed(1)} engine steps committed/s, errors ${errors}`);
  for (const [route, l] of r.routes) console.log(`    ${route.padEnd(22)} n ${String(l.count).padStart(6)}  p50 ${ms(l.p(50)).padStart(5)} ms  p95 ${ms(l.p(95)).padStart(5)} ms  p99 ${ms(l.p(99)).padStart(5)} ms  errors ${l.errors}`);
  for (const e of r.errors.slice(0, 3)) console.log(`    error: ${e}`);
  return commitsPerSecond;
}

/** One deployment: seed, start its processes, run each load level, stop them. Returns the best steps/s through the API. */
async function deployment(kind: 'sqlite' | 'postgres', options: ApiBenchOptions): Promise<number> {
  const { store, filename, cleanup } = benchStore(kind, options.databaseUrl, 'api');
  const schema = `bench_api_${process.pid}`;
  const children: ChildProcess[] = [];
  let counter: Knex | undefined;
  try {
    const { db, engine } = await openPlatform({ store });
    // On SQLite the api process takes the file over: this one only seeds it.
    await seedDemoCounty(db);
    const owners = await townshipClerks(db);
    await seedOpenCases(db, engine, { count: options.seeded, clerkId: 's-ob-clerk-a', owners, itemCode: BIRTH.code, provided: BIRTH.provided });
    await settleSeeded(db);
    await engine.idle();
    if (kind === 'sqlite') await engine.close();
    // The virtual clerks sign in as the demo's two window clerks of the township (the seeded cases belong to twenty).
    const usernames = ['ob.clerk.a', 'ob.clerk.b'];
    const env: Record<string, string> = kind === 'postgres'
      ? { DATABASE_URL: options.databaseUrl!, YC_DB_SCHEMA: schema, REDIS_URL: process.env.REDIS_URL!, YC_QUEUE_PREFIX: `ycbench${process.pid}` }
      : { YC_BENCH_SQLITE: filename!, DATABASE_URL: '', REDIS_URL: '' };
    const ports = kind === 'postgres' ? [3901, 3902] : [3901];
    for (const port of ports) children.push(await start(['bench/api/server-process.ts'], { ...env, PORT: String(port) }, true));
    if (kind === 'postgres') children.push(await start(WORKER, env, false));
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    counter = kind === 'postgres' ? connect({ url: options.databaseUrl, schema }) : connect({ filename });
    let best = 0;
    for (const clerks of options.clerks) {
      const before = await committedSteps(counter);
      const killing = kind === 'postgres' && clerks === KILL_AT_CLERKS;
      // Halfway through, kill -9 the second api process and the worker, and start them again a second later.
      const kill = killing ? setTimeout(() => {
        for (const i of [1, 2]) children[i]!.removeAllListeners('exit').kill('SIGKILL');
        setTimeout(() => {
          void Promise.all([start(['bench/api/server-process.ts'], { ...env, PORT: String(ports[1]) }, true), start(WORKER, env, false)])
            .then(([api, worker]) => { children[1] = api; children[2] = worker; });
        }, 1000);
      }, options.seconds * 500) : undefined;
      const load = await runLoad(urls, usernames, clerks, options.seconds);
      clearTimeout(kill);
      const label = kind === 'postgres' ? 'postgres (2 api + worker)' : 'embedded (sqlite)';
      // Killed, a level's commits are not comparable with the others': it is not counted for the ratio.
      const committed = report(label, clerks, load, await committedSteps(counter) - before);
      if (!killing) best = Math.max(best, committed);
      else {
        const problems = await acknowledgedKept(counter, load);
        console.log(`    kill -9 of one api process and the worker at ${options.seconds / 2} s: ${load.unreachable} requests found no server (not acknowledged); `
          + `${load.acknowledged.cases.length} acknowledged intakes and ${load.acknowledged.completions.length} completions checked: `
          + (problems.length === 0 ? 'all in the database, no case half-written' : `LOST: ${problems.join('; ')}`));
      }
    }
    if (kind === 'postgres') await engine.close();
    return best;
  } finally {
    for (const child of children) { child.removeAllListeners('exit'); child.kill('SIGTERM'); }
    await counter?.destroy();
    cleanup();
  }
}

export async function runApiBench(options: ApiBenchOptions): Promise<void> {
  console.log(`api: the case server over HTTP, ${options.seeded} open cases seeded, clerks ${options.clerks.join(', ')}, ${options.seconds} s each (one in four lists the inbox)`);
  const kinds: Array<'sqlite' | 'postgres'> = ['sqlite'];
  if (options.databaseUrl && process.env.REDIS_URL) kinds.push('postgres');
  else console.log('  postgres: skipped (server mode needs DATABASE_URL and REDIS_URL)');
  for (const kind of kinds) {
    const api = await deployment(kind, options);
    const engineOwn = await engineStepsPerSecond(kind, options.databaseUrl, Math.min(10, options.seconds));
    console.log(`  engine alone on ${kind}: ${engineOwn.toFixed(1)} engine steps committed/s (direct model, 10 at a time)`);
    // The killed level is not comparable: with no other level there is no ratio to give.
    console.log(api > 0 ? `ratio api-vs-engine-${kind}: ${(api / engineOwn).toFixed(3)}` : `ratio api-vs-engine-${kind}: - (only the level with kill -9 ran)`);
  }
}
