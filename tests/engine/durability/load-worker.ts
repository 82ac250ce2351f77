/**
 * A worker under load, to be killed with SIGKILL at an arbitrary moment by the crash test:
 * starts cases and completes their tasks without pause, on the store named by its arguments,
 * and prints a line now and then so the test knows it is busy.
 * Usage: node --import tsx load-worker.ts '<KnexStoreOptions as JSON>'
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { weekdayCalendar } from '../../../engine/calendar/weekdays.js';

const options = JSON.parse(process.argv[2] ?? '{}');
const xml = readFileSync(fileURLToPath(new URL('./load.bpmn', import.meta.url)), 'utf8');
// A job locked when the kill comes stays locked after it (no one can tell a dead worker from a slow one): briefly here.
const engine = createEngine({ store: new KnexStore(options), calendar: weekdayCalendar(), jobLockMs: 1_000, jobHandlers: { register: () => ({ registered: true }) } });
await engine.deploy(xml, { name: 'load.bpmn' });
let n = 0;
for (;;) {
  await engine.start('load', { n: ++n });
  const tasks = await engine.tasks({});
  for (const task of tasks.slice(0, 3)) await engine.completeTask(task.id, { by: `w${n}` }).catch(() => undefined);
  if (n % 10 === 0) process.stdout.write(`busy ${n}\n`);
}
