/**
 * One process of several on one database, for the outbox test: opens an engine (which carries
 * out the effects it can claim), prints a line for every effect it hears and every job it
 * runs, and keeps sweeping until a line "stop" comes on stdin; then finishes and closes.
 * Usage: node --import tsx outbox-worker.ts '<{ store, name, outbox } as JSON>'
 */
import { createInterface } from 'node:readline';
import { createEngine, weekdayCalendar } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';

const { store, name, outbox } = JSON.parse(process.argv[2] ?? '{}');
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const engine = createEngine({
  store: new KnexStore(store), calendar: weekdayCalendar(), workerName: name, outbox,
  jobHandlers: { work: (job) => { say(`ran ${job.id}`); return { workedBy: name }; } },
});
engine.subscribe((_instanceId, effect) => say(`heard ${effect.id}`));
await engine.idle();
say('ready');
for await (const line of createInterface({ input: process.stdin })) if (line === 'stop') break;
await engine.idle();
await engine.close();
say('closed');
