/**
 * The case server in a process of its own that kills itself (SIGKILL) at one chosen instant:
 * once a step's completion has reached the engine, when the case's follow-up first reaches for
 * the calendar — after the engine's commit, before anything of the case is written. Started by
 * tests/api/completion-crash.test.ts with the store's options and the clock's instant; prints
 * the server's address.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { VirtualClock } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import { openPlatform } from '../../api/platform.js';
import { createApp } from '../../api/server.js';
import { seedDemoCounty } from '../../api/seed/demo-county.js';
import { createLogger } from '../../api/log.js';

// As tests/api/support-durable.ts boots one, without jest (which that module needs).
const [options, instant] = [JSON.parse(process.argv[2]!), Number(process.argv[3])];
const store = new KnexStore(options);
const { engine, calendar } = await openPlatform({ store, clock: new VirtualClock(instant) });
await seedDemoCounty(store.knex);
const server: Server = await new Promise((resolve) => {
  const s = createApp({ db: store.knex, engine, logger: createLogger({ level: 'silent' }) }).listen(0, '127.0.0.1', () => resolve(s));
});
let completing = false;
const completeTask = engine.completeTask.bind(engine);
engine.completeTask = async (...args: Parameters<typeof completeTask>) => {
  completing = true;
  return completeTask(...args);
};
const refresh = calendar.refresh.bind(calendar);
calendar.refresh = async () => {
  if (completing) process.kill(process.pid, 'SIGKILL');
  return refresh();
};
console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}`);
