/**
 * Records the scenarios' histories in today's format (run once per format version, when a
 * change to the history format is intended and reviewed): `npx tsx tests/engine/replay/record-all.ts`.
 * Each version's recordings go to recorded/vN/ and stay there: the replay test holds every
 * later engine to them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HISTORY_FORMAT as FORMAT } from '../../../engine/index.js';
import { record } from './drive.js';
import { scenarios } from './scenarios.js';

const folder = fileURLToPath(new URL(`./recorded/v${FORMAT}/`, import.meta.url));
mkdirSync(folder, { recursive: true });
for (const scenario of scenarios) {
  const recording = await record(scenario, FORMAT);
  writeFileSync(`${folder}${scenario.name}.json`, `${JSON.stringify(recording, null, 1)}\n`);
  console.log(`${scenario.name}: ${recording.commands.length} commands, ${recording.events.length} events`);
}
