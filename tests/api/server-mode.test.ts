import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { KnexStore } from '../../engine/store/knex/store.js';
import { BullQueue } from '../../engine/queue/bullmq.js';
import { openPlatform } from '../../api/platform.js';
import type { Platform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import { seedDemoCounty } from '../../api/seed/demo-county.js';
import { uniqueName } from '../engine/queue/support.js';
import { complete, detail, itemNamed, receive } from './cases.js';
import { httpClient } from './support.js';
import { WorkerProcess } from './worker-process.js';

/** Once, in the PostgreSQL project: the case walks real time on a real worker, so store variants add nothing. */
const runs = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL) && process.env.TEST_STORE === 'postgres';
const describeServer: typeof describe.skip = runs ? describe : describe.skip;
const title = (text: string) => (runs ? text : `${text} (skipped: runs in the postgres project, with DATABASE_URL and REDIS_URL set)`);

const schema = uniqueName('sm');
const prefix = uniqueName('yc');
let platform: Platform;
let server: Server;
let worker: WorkerProcess | undefined;

/** Asks until `check` answers something, or fails after `timeoutMs` with the worker's output. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  for (const until = Date.now() + timeoutMs; ;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms; worker said:\n${worker?.output.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeServer(title('server mode: the api hands the case work to a worker process'), () => {
  beforeAll(async () => {
    // As `npm start` with DATABASE_URL and REDIS_URL builds it: the engine hands jobs and timers to BullMQ and runs none.
    const store = new KnexStore({ url: process.env.DATABASE_URL, schema, dropSchemaOnClose: true });
    platform = await openPlatform({ store, queue: new BullQueue({ url: process.env.REDIS_URL!, prefix }) });
    await seedDemoCounty(platform.db);
    server = await new Promise((resolve) => {
      const s = createApp({ db: platform.db, engine: platform.engine }).listen(0, '127.0.0.1', () => resolve(s));
    });
  }, 120_000);

  afterAll(async () => {
    worker?.kill();
    if (server) await new Promise((resolve) => server.close(resolve));
    await platform?.engine.close();
    const cleaner = new BullQueue({ url: process.env.REDIS_URL!, prefix });
    await cleaner.forgetEverything();
    await cleaner.close();
  }, 60_000);

  test('a promised case is accepted with a notice and issued by the worker, and closes; the worker stops cleanly', async () => {
    const api = httpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const clerk = await api.login('ob.clerk.a');
    const caseId = await receive(api, clerk, itemNamed('居住证核发'));
    await complete(api, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
    await platform.engine.idle();
    // No worker yet: the acceptance notice waits in the database; the api does not make it.
    expect((await detail(api, clerk, caseId)).notices).toEqual([]);

    worker = await WorkerProcess.start({ DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: process.env.REDIS_URL!, YC_DB_SCHEMA: schema, YC_QUEUE_PREFIX: prefix });
    expect(worker.output.join('\n')).toMatch(/serving job types .*acceptance-notice.*issue-result/);
    const accepted = await eventually('the acceptance notice', async () => {
      const seen = await detail(api, clerk, caseId);
      return seen.notices.length > 0 ? seen : undefined;
    });
    expect(accepted.notices.map((n: { kind: string }) => n.kind)).toEqual(['acceptance']);
    expect(accepted.case).toMatchObject({ acceptedAt: expect.any(Number), dueAt: expect.any(Number) });

    await complete(api, await api.login('ob.reviewer'), caseId, 'review', { opinion: '居住证明齐全', specialProcedure: null });
    await complete(api, await api.login('ob.director'), caseId, 'decide', { approved: true });
    // Issuance is the worker's job, and so is closing the case: the process ends in the step the worker commits.
    const closed = await eventually('the case closed', async () => {
      const seen = await detail(api, clerk, caseId);
      return seen.case.status === 'completed' ? seen : undefined;
    });
    expect(closed.notices.map((n: { kind: string }) => n.kind)).toEqual(['acceptance', 'completion']);
    expect(closed.case).toMatchObject({ resultNo: expect.any(String), currentSteps: [] });
    expect(closed.log.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['issued', 'closed']));

    expect(await worker.stop()).toBe(0);
    expect(worker.output.at(-1)).toContain('stopped');
  }, 180_000);
});
