import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlatResult } from './flat.js';
import { median } from './measure.js';
import type { PgbenchResult } from './pgbench.js';
import type { RawSqliteResult } from './raw-sqlite.js';

export interface Row {
  model: string;
  contender: string;
  instances: number;
  steps: number;
  seconds: number;
  instancesPerSecond: number;
  stepsPerSecond: number;
  peakRssMb: number;
  /** Median stored bytes of a live instance, measured midway. */
  stateBytes: number;
  /** Median bytes of history kept beside the state at the same moment (yichuang only). */
  historyBytes: number;
  /** The pool's size, and the most connections it held open, and busy, at once during the timed phase. */
  connections?: { pool: number; peakOpen: number; peakInUse: number };
  error?: string;
}

export interface Report {
  startedAt: string;
  options: { instances: number; concurrency: number; quick: boolean; pgbenchSeconds: number; gcExposed: boolean };
  /** 1-minute load average when the run began; other processes on the machine skew every number. */
  loadAtStart: number;
  stepDefinition: string;
  notes: string[];
  rows: Row[];
  pgbench: PgbenchResult;
  /** The bare better-sqlite3 transaction run right after the SQLite contender (raw-sqlite.ts). */
  rawSqlite: RawSqliteResult;
  flat?: FlatResult | { skipped: string };
  /** What worker processes printed, by contender. */
  workerOutput?: Record<string, string>;
}

const MB = 1024 * 1024;

function stepsPerSecond(rows: readonly Row[], contender: string): Map<string, number> {
  return new Map(rows.filter((r) => r.contender === contender && !r.error).map((r) => [r.model, r.stepsPerSecond]));
}

/** For each model both ran, a's steps/s over b's (or over a fixed number). */
function ratiosByModel(rows: readonly Row[], a: string, b: string | number): Array<[model: string, ratio: number]> {
  const mine = stepsPerSecond(rows, a);
  const theirs = typeof b === 'number' ? undefined : stepsPerSecond(rows, b);
  return [...mine].flatMap(([model, v]): Array<[string, number]> => {
    const base = typeof b === 'number' ? b : theirs!.get(model);
    return base ? [[model, v / base]] : [];
  });
}

/** Median over the models both ran of a's steps/s over b's (or over a fixed number). */
function medianRatio(rows: readonly Row[], a: string, b: string | number): number | undefined {
  const ratios = ratiosByModel(rows, a, b).map(([, ratio]) => ratio);
  return ratios.length > 0 ? median(ratios) : undefined;
}

/** The ratio of each model, as a target line shows it beside the median: " (direct 9.9, joint 14.5)". */
function eachModel(rows: readonly Row[], a: string, b: string | number): string {
  const ratios = ratiosByModel(rows, a, b);
  return ratios.length > 0 ? ` (${ratios.map(([model, ratio]) => `${model} ${fmt(ratio)}`).join(', ')})` : '';
}

function table(rows: readonly Row[]): string {
  const head = ['model', 'contender', 'instances', 'inst/s', 'steps/s', 'peak RSS MB', 'state B/inst', 'history B/inst', 'connections'];
  const body = rows.map((r) => r.error
    ? [r.model, r.contender, '-', '-', '-', '-', '-', '-', r.error]
    : [r.model, r.contender, String(r.instances), r.instancesPerSecond.toFixed(1), r.stepsPerSecond.toFixed(1), (r.peakRssMb).toFixed(0),
      bytes(r.stateBytes), bytes(r.historyBytes), r.connections ? `${r.connections.peakOpen} open (${r.connections.peakInUse} busy) of ${r.connections.pool}` : '-']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 || i === 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Bytes as a whole number; '-' when not measured (NaN here, null once it crossed IPC as JSON). */
function bytes(n: number | null): string {
  return typeof n !== 'number' || Number.isNaN(n) ? '-' : n.toFixed(0);
}

function verdict(ok: boolean | undefined): string {
  return ok === undefined ? 'not measured' : ok ? 'met' : 'missed';
}

function fmt(x: number | undefined, digits = 2): string {
  return x === undefined ? 'n/a' : x.toFixed(digits);
}

function flatLine(flat: Report['flat']): string {
  if (!flat) return 'memory over a long run: not run';
  if ('skipped' in flat) return `memory over a long run: skipped (${flat.skipped})`;
  const first = flat.samples[0]!;
  const last = flat.samples.at(-1)!;
  return `memory over ${flat.instances} direct instances (memory store): heap ${(first.heapUsed / MB).toFixed(0)} MB at ${first.instances} -> ${(last.heapUsed / MB).toFixed(0)} MB at ${last.instances}`
    + ` (${(flat.growthPerInstance / 1024).toFixed(2)} KB per instance${flat.gcForced ? ', after forced GC' : ', GC not forced: run with --expose-gc'}): ${flat.flat ? 'flat' : 'not flat'};`
    + ` the memory store still holds ${flat.retained} instances (this run lets it forget finished ones, as a durable store keeps them on disk, not in memory)${flat.stoppedEarly ? `; ${flat.stoppedEarly}` : ''}`;
}

/** Target lines, each with what was measured and met or missed. */
function targets(report: Report): string[] {
  const rows = report.rows;
  const memory = medianRatio(rows, 'yichuang memory', 'bpmn-engine memory');
  const recover = medianRatio(rows, 'yichuang postgres', 'bpmn-engine recover');
  const pg = report.pgbench.ok ? medianRatio(rows, 'yichuang postgres', report.pgbench.tps) : undefined;
  const raw = report.rawSqlite.ok ? medianRatio(rows, 'yichuang sqlite', report.rawSqlite.tps) : undefined;
  const joint = ['yichuang postgres', 'yichuang sqlite', 'yichuang memory'].map((c) => rows.find((r) => r.model === 'joint' && r.contender === c && !r.error)).find(Boolean);
  const flat = report.flat && !('skipped' in report.flat) ? report.flat : undefined;
  return [
    `target in memory >= 50x bpmn-engine steps/s (median of the models): ${memory === undefined ? "n/a" : `${fmt(memory)}x${eachModel(rows, 'yichuang memory', 'bpmn-engine memory')}`} - ${verdict(memory === undefined ? undefined : memory >= 50)}`,
    `target postgres >= 10x bpmn-engine recover steps/s (median of the models): ${recover === undefined ? "n/a" : `${fmt(recover)}x${eachModel(rows, 'yichuang postgres', 'bpmn-engine recover')}`} - ${verdict(recover === undefined ? undefined : recover >= 10)}`,
    `target postgres committed steps/s >= 0.5x pgbench -N tps (median of the models): ${report.pgbench.ok ? `${fmt(pg)}x${eachModel(rows, 'yichuang postgres', report.pgbench.tps)}` : `cannot be computed: ${report.pgbench.reason}`} - ${verdict(pg === undefined ? undefined : pg >= 0.5)}`,
    `target sqlite committed steps/s >= 0.5x a bare better-sqlite3 transaction's (median of the models): ${report.rawSqlite.ok ? `${fmt(raw)}x${eachModel(rows, 'yichuang sqlite', report.rawSqlite.tps)}` : `cannot be computed: ${report.rawSqlite.reason}`} - ${verdict(raw === undefined ? undefined : raw >= 0.5)}`,
    `target joint snapshot < 2 KB per live instance (${joint?.contender ?? 'no yichuang row'}): ${joint ? `${bytes(joint.stateBytes)} B` : 'n/a'} - ${verdict(joint ? joint.stateBytes < 2048 : undefined)}`,
    `target memory flat over 100,000 instances: ${flat ? `${flat.instances} instances, ${flat.flat ? 'flat' : 'not flat'}` : 'not run'} - ${verdict(flat && flat.instances >= 100_000 ? flat.flat : flat && !flat.flat ? false : undefined)}`,
  ];
}

function ratioLines(report: Report): string[] {
  const pg = report.pgbench.ok ? fmt(medianRatio(report.rows, 'yichuang postgres', report.pgbench.tps)) : `n/a (${report.pgbench.reason})`;
  return [
    `ratio memory-vs-bpmn-engine: ${fmt(medianRatio(report.rows, 'yichuang memory', 'bpmn-engine memory'))}`,
    `ratio postgres-vs-bpmn-engine-recover: ${fmt(medianRatio(report.rows, 'yichuang postgres', 'bpmn-engine recover'))}`,
    `ratio postgres-vs-pgbench: ${pg}`,
    ...rawSqliteRatios(report),
  ];
}

/** The median over the models, then each model's: `ratio sqlite-vs-raw-sqlite-direct: 0.61`. */
function rawSqliteRatios(report: Report): string[] {
  const name = 'ratio sqlite-vs-raw-sqlite';
  if (!report.rawSqlite.ok) return [`${name}: n/a (${report.rawSqlite.reason})`];
  const { tps } = report.rawSqlite;
  return [
    `${name}: ${fmt(medianRatio(report.rows, 'yichuang sqlite', tps))}`,
    ...ratiosByModel(report.rows, 'yichuang sqlite', tps).map(([model, ratio]) => `${name}-${model}: ${fmt(ratio)}`),
  ];
}

/** Writes the JSON file into bench/results and returns its path relative to the working directory. */
function writeJson(report: Report): string {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}bench-${report.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify({ ...report, targets: targets(report), ratios: ratioLines(report) }, null, 2)}\n`);
  return relative(process.cwd(), file);
}

/** Prints the table, the pgbench and memory lines, the targets, and the ratios last. */
export function printReport(report: Report): void {
  const { options } = report;
  const out = [
    '',
    `yichuang bench: ${cpus().length} CPUs, node ${process.version}, ${options.instances}${options.quick ? '' : ' or more'} instances per model and contender, ${options.concurrency} in flight${options.quick ? ' (quick run)' : ''}; `
      + `load average ${report.loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
    report.stepDefinition,
    ...report.notes,
    '',
    table(report.rows),
    '',
    report.pgbench.ok
      ? `pgbench -N on the same server: ${report.pgbench.tps.toFixed(1)} tps (${report.pgbench.clients} clients, ${report.pgbench.seconds} s, ${report.pgbench.where}; ${report.pgbench.version})`
      : `pgbench -N: cannot be computed: ${report.pgbench.reason}`,
    report.rawSqlite.ok
      ? `bare better-sqlite3 transaction on the same disk (a 1.2 KB event appended, a 300 B state updated, WAL, synchronous=NORMAL): ${report.rawSqlite.tps.toFixed(1)} tx/s (${report.rawSqlite.seconds.toFixed(1)} s; ${report.rawSqlite.version})`
      : `bare better-sqlite3 transaction: cannot be computed: ${report.rawSqlite.reason}`,
    flatLine(report.flat),
    '',
    ...targets(report),
    `results: ${writeJson(report)}`,
    ...ratioLines(report),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
