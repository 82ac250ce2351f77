import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { KnexStore } from '../../engine/store/knex/store.js';
import { BullQueue } from '../../engine/queue/bullmq.js';
import { openPlatform } from '../../api/platform.js';
import type { Platform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import { RedisInboxFeed } from '../../api/inbox-events/feed.js';
import { seedDemoCounty } from '../../api/seed/demo-county.js';
import { uniqueName } from '../engine/queue/support.js';
import { complete, itemNamed, receive, stepOf } from './cases.js';
import { httpClient } from './support.js';
import { heard, listen } from './inbox-stream.js';
import { WorkerProcess } from './worker-process.js';

/** In the PostgreSQL project, with Redis: two api processes' worth of case server and a real worker on one database. */
const runs = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL) && process.env.TEST_STORE === 'postgres';
const describeServer: typeof describe.skip = runs ? describe : describe.skip;
const title = (text: string) => (runs ? text : `${text} (skipped: runs in the postgres project, with DATABASE_URL and REDIS_URL set)`);
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

const schema = uniqueName('ie');
const prefix = uniqueName('yc');

/** One api process as `npm start` builds it in server mode: its own engine, queue and feed, the shared database and Redis. */
interface ApiProcess { platform: Platform; server: Server; feed: RedisInboxFeed; url: string }
const apis: ApiProcess[] = [];
let worker: WorkerProcess | undefined;

async function startApi(dropSchemaOnClose: boolean): Promise<ApiProcess> {
  const store = new KnexStore({ url: process.env.DATABASE_URL, schema, dropSchemaOnClose });
  const platform = await openPlatform({ store, queue: new BullQueue({ url: process.env.REDIS_URL!, prefix }) });
  const feed = new RedisInboxFeed({ url: process.env.REDIS_URL!, prefix });
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ db: platform.db, engine: platform.engine, inboxFeed: feed }).listen(0, '127.0.0.1', () => resolve(s));
  });
  return { platform, server, feed, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const clientOf = (api: ApiProcess) => ({ url: api.url, ...httpClient(api.url) });

describeServer(title('server mode: inbox changes reach every api process, whichever process made them'), () => {
  beforeAll(async () => {
    // One after the other: the first migrates the shared schema and seeds; the second finds it done. The last to close drops it.
    apis.push(await startApi(false));
    await seedDemoCounty(apis[0]!.platform.db);
    apis.push(await startApi(true));
  }, 120_000);

  afterAll(async () => {
    worker?.kill();
    for (const api of apis) {
      // An event stream left open by a failed test would hold close() for ever.
      api.server.closeAllConnections();
      await new Promise((resolve) => api.server.close(resolve));
      await api.feed.close();
      await api.platform.engine.close();
    }
    const cleaner = new BullQueue({ url: process.env.REDIS_URL!, prefix });
    await cleaner.forgetEverything();
    await cleaner.close();
  }, 60_000);

  test('a step opened by api A is heard on api B (ticket from A, stream on B), not in another village; one the worker opens is heard too', async () => {
    const [a, b] = [clientOf(apis[0]!), clientOf(apis[1]!)];
    const clerk = await a.login('ob.clerk.a');
    const reviewer = await a.login('ob.reviewer');
    // The township clerk and reviewer listen on B; a village clerk on A. Tickets are taken from A.
    const township = await listen(a, clerk, apis[1]!.url);
    const review = await listen(a, reviewer, apis[1]!.url);
    const village = await listen(a, await a.login('dl.clerk'));
    try {
      await Promise.all([heard(township.events, 'ready'), heard(review.events, 'ready'), heard(village.events, 'ready')]);
      await Promise.all(apis.map((api) => api.feed.ready()));

      const caseId = await receive(a, clerk, itemNamed('居住证核发'));
      await heard(township.events, 'changed');

      // Accepted on A; no worker runs yet, so the review step (after the acceptance notice, a job) is not open.
      await complete(a, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
      await apis[0]!.platform.engine.idle();
      await settle();
      review.events.length = 0;
      await settle();
      expect(review.events).toEqual([]);
      expect(await stepOf(b, reviewer, caseId, 'review').catch(() => undefined)).toBeUndefined();

      // The worker makes the notice and commits the step that opens the review: the reviewer's page on B hears it.
      worker = await WorkerProcess.start({ DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: process.env.REDIS_URL!, YC_DB_SCHEMA: schema, YC_QUEUE_PREFIX: prefix });
      await heard(review.events, 'changed', 60_000);
      expect(await stepOf(b, reviewer, caseId, 'review')).toMatchObject({ elementId: 'review' });
      expect(village.events).toEqual(['ready']);
    } finally {
      township.close();
      review.close();
      village.close();
    }
  }, 180_000);
});
