import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, replay, verifyChain, weekdayCalendar } from '../../../engine/index.js';
import type { InstanceState } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import type { KnexStoreOptions } from '../../../engine/store/knex/connect.js';

const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/** Runs the load worker until it has done real work, then kills it with SIGKILL mid-stride. */
async function killMidLoad(options: KnexStoreOptions, busyLines: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = 0;
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += String(chunk)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      seen += String(chunk).split('\n').filter((line) => line.startsWith('busy')).length;
      // Kill at an odd moment: a few milliseconds after a progress line, mid-command.
      if (seen >= busyLines) setTimeout(() => child.kill('SIGKILL'), 3 + (seen % 7));
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`worker ended without being killed: ${errors}`))));
  });
}

/** Open tasks, jobs and timers the snapshot says exist must be exactly the projection rows. */
async function projectionsMatch(store: KnexStore, state: InstanceState): Promise<void> {
  const waiting = (kind: string) => Object.entries(state.items)
    .filter(([, item]) => (item.waits ?? []).some((w) => w?.k === kind)).map(([key]) => `${state.id}~${key}`).sort();
  expect((await store.tasks({ instanceId: state.id })).map((t) => t.id).sort()).toEqual(waiting('task'));
  expect((await store.jobs()).filter((j) => j.instanceId === state.id).map((j) => j.id).sort()).toEqual(waiting('job'));
  const timers = await store.knex('yc_timers').where({ instance_id: state.id }).count({ n: '*' }).first();
  const expected = Object.values(state.items).flatMap((i) => i.waits ?? []).filter((w) => w?.k === 'timer').length;
  expect(Number(timers?.n)).toBe(expected);
}

function stores(): Array<[string, () => { options: KnexStoreOptions; cleanup: () => void }]> {
  const sqlite = (): { options: KnexStoreOptions; cleanup: () => void } => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-crash-'));
    return { options: { filename: path.join(dir, 'cases.sqlite') }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  };
  const postgres = (): { options: KnexStoreOptions; cleanup: () => void } => ({
    options: { url: process.env.DATABASE_URL, schema: `crash_${process.pid}_${Date.now()}` }, cleanup: () => undefined,
  });
  return process.env.DATABASE_URL ? [['SQLite', sqlite], ['PostgreSQL', postgres]] : [['SQLite', sqlite]];
}

describe('workers killed with SIGKILL in the middle of a load', () => {
  test.each(stores())('on %s leave every instance exactly as its history says, and the work goes on after a restart', async (_name, make) => {
    const { options, cleanup } = make();
    try {
      // Three workers in turn on the same database, each killed at a different point of its stride.
      for (const busyLines of [3, 2, 4]) await killMidLoad(options, busyLines);
      const store = new KnexStore({ ...options, dropSchemaOnClose: true });
      await store.init();
      const instances = await store.instances();
      expect(instances.length).toBeGreaterThan(10);
      for (const state of instances) {
        const history = await store.history(state.id);
        expect(verifyChain(history)).toEqual({ ok: true });
        expect(replay(history, state.id)).toEqual(state);
        await projectionsMatch(store, state);
      }
      // Jobs the killed workers were running stay locked for their lock (1 s, see load-worker.ts): wait it out.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const engine = createEngine({ store, calendar: weekdayCalendar(), jobHandlers: { register: () => ({ registered: true }) } });
      await engine.idle();
      for (let open = await engine.tasks(); open.length > 0; open = await engine.tasks()) {
        for (const task of open) await engine.completeTask(task.id);
        await engine.idle();
      }
      const after = await store.instances();
      expect(after.filter((s) => s.status !== 'completed')).toEqual([]);
      await engine.close();
    } finally {
      cleanup();
    }
  }, 60_000);
});
