import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileBpmn, replay, step, weekdayCalendar } from '../../../engine/index.js';
import type { HistoryEvent, InstanceState } from '../../../engine/index.js';
import type { Recording } from './scenarios.js';
import { readProcess } from './scenarios.js';
import { CHINA } from '../support/china-time.js';

const folder = fileURLToPath(new URL('./recorded/', import.meta.url));
const recordings: Recording[] = readdirSync(folder).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${folder}${f}`, 'utf8')) as Recording);

describe('recorded histories', () => {
  test('there are recordings to hold the engine to', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(3);
  });

  test.each(recordings.map((r) => [r.name, r] as const))('%s: the same commands give exactly the recorded events today', async (_name, recording) => {
    const definition = (await compileBpmn(readProcess(recording.file))).processes[recording.processId]!;
    let state: InstanceState | undefined = { id: recording.name, processId: '', definitionKey: '', status: 'active', seq: 0, next: 1, items: {}, vars: {}, joins: {} };
    const events: HistoryEvent[] = [];
    for (const { now, command } of recording.commands) {
      const result = step(state, command, { now, definition, zone: CHINA, calendar: weekdayCalendar([], CHINA) });
      state = result.state;
      events.push(...result.events);
    }
    expect(events).toEqual(recording.events);
    expect(state).toEqual(recording.final);
  });

  test.each(recordings.map((r) => [r.name, r] as const))('%s: replaying the recorded events rebuilds the recorded final state', (_name, recording) => {
    expect(replay(recording.events as HistoryEvent[], recording.name)).toEqual(recording.final);
  });
});
