import { afterEach, describe, expect, test } from '@jest/globals';
import type { Engine, Job } from '../../../engine/index.js';
import { definitions, end, process as bpmnProcess, seq, serviceTask, start } from '../support/bpmn.js';
import { MONDAY_9AM } from '../support/harness.js';
import { SharedDatabase } from '../support/shared-database.js';

const MINUTE = 60_000;

/** One service task of type `check`, whose result goes into the instance's variables. */
const xml = definitions(bpmnProcess('checked', start(), serviceTask('check', 'check'), end(), seq('start', 'check', 'end')));

/** A handler that waits until released; `entered` resolves when a run has begun. */
function gatedHandler(by: string) {
  let release!: () => void;
  let entered!: (job: Job) => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const begun = new Promise<Job>((resolve) => (entered = resolve));
  let runs = 0;
  const handler = async (job: Job) => {
    runs++;
    entered(job);
    await gate;
    return { checkedBy: by };
  };
  return { handler, release, begun, runs: () => runs };
}

/** A job of type `check` waiting on the database, made by an engine with no handler for it. */
async function pendingCheck(db: SharedDatabase, maker = 'maker'): Promise<{ jobId: string; instanceId: string }> {
  const { engine } = db.engine(maker, MONDAY_9AM);
  await engine.deploy(xml);
  const instance = await engine.start('checked');
  await engine.idle();
  const [job] = await engine.store.jobs('check');
  return { jobId: job!.id, instanceId: instance.id };
}

async function checkedBy(engine: Engine, instanceId: string): Promise<unknown> {
  return (await engine.instance(instanceId))?.variables.checkedBy;
}

let db: SharedDatabase;
afterEach(async () => {
  await db.drop();
});

describe('job locks of in-process handlers', () => {
  test('an embedded run holds its job for the engine\'s jobLockMs, or its type\'s own lock', async () => {
    db = new SharedDatabase();
    const { jobId } = await pendingCheck(db);
    const gated = gatedHandler('a');
    const { engine } = db.engine('a', MONDAY_9AM, { workerName: 'worker-a', jobLockMs: 2 * MINUTE, jobHandlers: { check: { handler: gated.handler, lockMs: 7 * MINUTE } } });
    const run = engine.runJob(jobId);
    await gated.begun;
    expect(await engine.store.job(jobId)).toMatchObject({ worker: 'worker-a', lockedUntil: MONDAY_9AM + 7 * MINUTE });
    gated.release();
    expect(await run).toBe('completed');

    const other = await pendingCheck(db, 'maker-2');
    const [activated] = await engine.activateJobs('check', { worker: 'outside' });
    expect(activated?.id).toBe(other.jobId);
    expect(await engine.store.job(other.jobId)).toMatchObject({ worker: 'outside', lockedUntil: MONDAY_9AM + 7 * MINUTE });
  });

  test('without a lock of its own a type holds its jobs for jobLockMs', async () => {
    db = new SharedDatabase();
    const { jobId } = await pendingCheck(db);
    const gated = gatedHandler('a');
    const { engine } = db.engine('a', MONDAY_9AM, { workerName: 'worker-a', jobLockMs: 2 * MINUTE });
    engine.registerJobHandler('check', gated.handler);
    const run = engine.runJob(jobId);
    await gated.begun;
    expect(await engine.store.job(jobId)).toMatchObject({ worker: 'worker-a', lockedUntil: MONDAY_9AM + 2 * MINUTE });
    gated.release();
    expect(await run).toBe('completed');
  });

  test('two embedded engines on one database: a job another engine is running is skipped, its handler runs once', async () => {
    db = new SharedDatabase();
    const { jobId, instanceId } = await pendingCheck(db);
    const a = gatedHandler('a');
    const b = gatedHandler('b');
    const { engine: one } = db.engine('a', MONDAY_9AM, { jobHandlers: { check: a.handler } });
    // Opening picks the pending job up: one's handler is now running it.
    await a.begun;
    const { engine: two } = db.engine('b', MONDAY_9AM, { jobHandlers: { check: b.handler } });
    expect(await two.runJob(jobId)).toBe('skipped');
    a.release();
    b.release();
    await one.idle();
    await two.idle();
    expect([a.runs(), b.runs()]).toEqual([1, 0]);
    expect(await checkedBy(one, instanceId)).toBe('a');
  });

  test('a run whose handler outlived its lock does not complete over the newer lock of another engine: it is stale', async () => {
    db = new SharedDatabase();
    const { jobId, instanceId } = await pendingCheck(db);
    const a = gatedHandler('a');
    const b = gatedHandler('b');
    const { engine: one } = db.engine('a', MONDAY_9AM, { jobLockMs: MINUTE });
    one.registerJobHandler('check', a.handler);
    const first = one.runJob(jobId);
    await a.begun;
    // The lock runs out while one's handler still works; two takes the job over.
    const { engine: two, clock } = db.engine('b', MONDAY_9AM, { jobLockMs: MINUTE });
    two.registerJobHandler('check', b.handler);
    clock.set(MONDAY_9AM + 2 * MINUTE);
    const second = two.runJob(jobId);
    await b.begun;
    a.release();
    expect(await first).toBe('stale');
    expect(await two.store.job(jobId)).toBeDefined();
    b.release();
    expect(await second).toBe('completed');
    expect(await checkedBy(two, instanceId)).toBe('b');
    expect(await two.store.job(jobId)).toBeUndefined();
  });
});
