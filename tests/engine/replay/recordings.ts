import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileBpmn, step, weekdayCalendar } from '../../../engine/index.js';
import type { Command, Effect, HistoryEvent, InstanceState, ProcessDef, StoredEvent } from '../../../engine/index.js';
import { GENESIS } from '../../../engine/history/chain.js';
import type { Recording } from './scenarios.js';
import { readProcess } from './scenarios.js';
import { CHINA } from '../support/china-time.js';

const folder = fileURLToPath(new URL('./recorded/', import.meta.url));

/** The recorded histories, by the format version that wrote them (recorded/v0/, recorded/v1/, …). */
export function recordingsByFormat(): Map<number, Recording[]> {
  const byFormat = new Map<number, Recording[]>();
  for (const dir of readdirSync(folder).filter((d) => /^v\d+$/.test(d))) {
    const files = readdirSync(`${folder}${dir}`).filter((f) => f.endsWith('.json')).sort();
    byFormat.set(Number(dir.slice(1)), files.map((f) => JSON.parse(readFileSync(`${folder}${dir}/${f}`, 'utf8')) as Recording));
  }
  return byFormat;
}

/** The recording's events as a store gives them back: each with its link and recorded hash. */
export function storedEvents(recording: Recording): StoredEvent[] {
  const { hashes } = recording.stored;
  return (recording.events as HistoryEvent[]).map((event, i) => ({ ...event, prev: i === 0 ? GENESIS : hashes[i - 1]!, hash: hashes[i]! }));
}

export async function definitionOf(recording: Pick<Recording, 'file' | 'processId'>): Promise<ProcessDef> {
  return (await compileBpmn(readProcess(recording.file))).processes[recording.processId]!;
}

/** Gives commands to today's pure step, from a state (none: a new instance). */
export function rerun(definition: ProcessDef, from: InstanceState, commands: Recording['commands']): { state: InstanceState; events: HistoryEvent[]; effects: Effect[] } {
  const calendar = weekdayCalendar([], CHINA);
  let state = from;
  const events: HistoryEvent[] = [];
  const effects: Effect[] = [];
  for (const { now, command } of commands) {
    const result = step(state, command as Command, { now, definition, zone: CHINA, calendar });
    state = result.state;
    events.push(...result.events);
    effects.push(...result.effects);
  }
  return { state, events, effects };
}

export function emptyInstance(id: string): InstanceState {
  return { id, processId: '', definitionKey: '', status: 'active', seq: 0, next: 1, items: {}, vars: {}, joins: {} };
}
