/**
 * Records the scenarios' histories (run once, when a behaviour change is intended and
 * reviewed): `npx tsx tests/engine/replay/record-all.ts`. The replay test then holds every
 * later engine to exactly these events.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { record } from './drive.js';
import { scenarios } from './scenarios.js';

for (const scenario of scenarios) {
  const recording = await record(scenario);
  const file = fileURLToPath(new URL(`./recorded/${scenario.name}.json`, import.meta.url));
  writeFileSync(file, `${JSON.stringify(recording, null, 1)}\n`);
  console.log(`${scenario.name}: ${recording.commands.length} commands, ${recording.events.length} events`);
}
