import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import type { KnexStoreOptions } from '../../../engine/store/knex/connect.js';
import { Deployments } from '../../../engine/deploy/deployments.js';
import { CommandPath } from '../../../engine/commands/command-path.js';
import { definitions, end, process as bpmnProcess, seq, serviceTask, start } from '../support/bpmn.js';

const worker = fileURLToPath(new URL('./outbox-worker.ts', import.meta.url));
/** Effects younger than this belong to the process that committed them. */
const GRACE_MS = 1_500;
const outbox = { graceMs: GRACE_MS, leaseMs: 60_000, sweepEveryMs: 100 };

/** A case that calls a child process, whose one service task a worker runs. */
const xml = definitions(
  bpmnProcess('parent', start(), '<bpmn:callActivity id="call" calledElement="child"/>', end(), seq('start', 'call', 'end'))
  + bpmnProcess('child', start('begin'), serviceTask('work', 'work'), end('done'), seq('begin', 'work', 'done')),
);

/**
 * Starts cases the way a process that dies right after its commits would leave them: through
 * the write path alone, nothing carried out. Returns the ids of the effects left pending.
 */
async function leaveOrphans(options: KnexStoreOptions, prefix: string, count: number, at: number): Promise<string[]> {
  const store = new KnexStore(options);
  try {
    await store.init();
    const deployments = new Deployments(store);
    await deployments.load();
    await deployments.deploy(xml, 'outbox.bpmn', at);
    // Every effect goes to the outbox, as it does for an engine with a listener that follows them all.
    const commands = new CommandPath({ store, clock: new VirtualClock(at), calendar: weekdayCalendar(), deployments, carries: () => true });
    const { key } = deployments.resolve('parent');
    const ids: string[] = [];
    for (let n = 1; n <= count; n++) {
      const committed = await commands.run(`${prefix}-${n}`, { type: 'start', processId: 'parent', definitionKey: key, variables: {} });
      ids.push(...committed.outbox.map((effect) => effect.id));
    }
    return ids;
  } finally {
    await store.close();
  }
}

/** A worker process and the lines it printed, each with when it came. */
class Worker {
  readonly lines: Array<{ line: string; at: number }> = [];
  private readonly child: ChildProcess;
  private errors = '';

  constructor(options: KnexStoreOptions, name: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', worker, JSON.stringify({ store: options, name, outbox })], { stdio: ['pipe', 'pipe', 'pipe'] });
    let rest = '';
    this.child.stdout!.on('data', (chunk) => {
      const parts = (rest + String(chunk)).split('\n');
      rest = parts.pop()!;
      for (const line of parts) this.lines.push({ line, at: Date.now() });
    });
    this.child.stderr!.on('data', (chunk) => (this.errors += String(chunk)));
  }

  async said(line: string, timeoutMs = 30_000): Promise<number> {
    for (const until = Date.now() + timeoutMs; Date.now() < until;) {
      const found = this.lines.find((l) => l.line === line);
      if (found) return found.at;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`worker never said "${line}": ${this.errors}`);
  }

  async stop(): Promise<void> {
    this.child.stdin!.end('stop\n');
    await this.said('closed');
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** How often each effect id was heard, and each job run, across the workers. */
function tally(workers: Worker[], word: 'heard' | 'ran'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { line } of workers.flatMap((w) => w.lines)) {
    if (line.startsWith(`${word} `)) counts.set(line.slice(word.length + 1), (counts.get(line.slice(word.length + 1)) ?? 0) + 1);
  }
  return counts;
}

async function heardAll(workers: Worker[], ids: string[], timeoutMs = 30_000): Promise<number> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 25))) {
    const heard = workers.flatMap((w) => w.lines).filter(({ line }) => ids.some((id) => line === `heard ${id}`));
    if (new Set(heard.map((h) => h.line)).size === ids.length) return Math.min(...heard.map((h) => h.at));
  }
  throw new Error(`not every effect was carried out: ${ids.join(', ')}`);
}

function databases(): Array<[string, () => { options: KnexStoreOptions; cleanup: () => Promise<void> }]> {
  const sqlite = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-outbox-'));
    return { options: { filename: path.join(dir, 'cases.sqlite') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  };
  const postgres = () => {
    const options = { url: process.env.DATABASE_URL, schema: `outbox_${process.pid}_${Date.now()}` };
    return { options, cleanup: () => new KnexStore({ ...options, dropSchemaOnClose: true }).close() };
  };
  return process.env.DATABASE_URL ? [['SQLite', sqlite], ['PostgreSQL', postgres]] : [['SQLite', sqlite]];
}

describe('effects left in the outbox, with several processes on one database', () => {
  test.each(databases())('on %s are carried out once between two running processes: at open, by a sweep, and after a dead owner\'s claim ran out', async (_name, make) => {
    const { options, cleanup } = make();
    const workers: Worker[] = [];
    try {
      // A process claimed these, then died: nobody may take them before its claim runs out.
      const held = await leaveOrphans(options, 'held', 2, Date.now() - 10_000);
      const heldUntil = Date.now() + 4_000;
      const claimer = new KnexStore(options);
      expect(await claimer.claimEffects({ owner: 'dead', until: heldUntil, now: Date.now(), committedBefore: Date.now(), limit: 100 })).toHaveLength(held.length);
      await claimer.close();
      // Left by a process that died before anyone opened: old enough to be taken at once.
      const early = await leaveOrphans(options, 'early', 6, Date.now() - 10_000);

      workers.push(new Worker(options, 'one'), new Worker(options, 'two'));
      await Promise.all(workers.map((w) => w.said('ready')));
      await heardAll(workers, early);
      // Left while both run: a sweep takes them once they are past the grace period.
      const lateAt = Date.now();
      const late = await leaveOrphans(options, 'late', 2, lateAt);
      expect(await heardAll(workers, late)).toBeGreaterThanOrEqual(lateAt + GRACE_MS);
      expect(await heardAll(workers, held)).toBeGreaterThanOrEqual(heldUntil);
      await Promise.all(workers.map((w) => w.stop()));

      const heard = tally(workers, 'heard');
      for (const id of [...held, ...early, ...late]) expect([id, heard.get(id)]).toEqual([id, 1]);
      expect([...heard.values()].filter((n) => n !== 1)).toEqual([]);
      const ran = tally(workers, 'ran');
      expect(ran.size).toBe(10);
      expect([...ran.values()].filter((n) => n !== 1)).toEqual([]);

      const store = new KnexStore(options);
      const instances = await store.instances();
      expect(instances.filter((s) => s.processId === 'parent' && s.status === 'completed')).toHaveLength(10);
      expect(instances.filter((s) => s.status !== 'completed')).toEqual([]);
      expect(await store.jobs()).toEqual([]);
      await store.close();
    } finally {
      for (const w of workers) w.kill();
      await cleanup();
    }
  }, 90_000);
});
