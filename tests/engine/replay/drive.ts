import { compileBpmn, step, weekdayCalendar } from '../../../engine/index.js';
import type { Command, HistoryEvent, InstanceState } from '../../../engine/index.js';
import type { Act, Recording, Scenario } from './scenarios.js';
import { readProcess } from './scenarios.js';
import { CHINA } from '../support/china-time.js';

/** Monday 2026-03-02 09:00 Shanghai; each command comes an hour after the one before. */
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);
const HOUR = 3_600_000;

/** Drives a scenario through the pure step alone and records commands, events and the final state. */
export async function record(scenario: Scenario): Promise<Recording> {
  const definition = (await compileBpmn(readProcess(scenario.file))).processes[scenario.processId]!;
  const calendar = weekdayCalendar([], CHINA);
  let state: InstanceState | undefined;
  const commands: Recording['commands'] = [];
  const events: HistoryEvent[] = [];
  let clock = T0;
  const run = (at: number, command: Command) => {
    const now = (clock = Math.max(clock, at));
    const result = step(state, command, { now, definition, zone: CHINA, calendar });
    state = result.state;
    commands.push({ now, command });
    events.push(...result.events);
  };
  state = emptyInstance(scenario.name);
  run(T0, { type: 'start', processId: scenario.processId, definitionKey: `${scenario.processId}:1`, variables: scenario.variables });
  for (const act of scenario.acts) commandFor(state!, act, clock + HOUR, run);
  return { name: scenario.name, file: scenario.file, processId: scenario.processId, commands, events, final: state };
}

function emptyInstance(id: string): InstanceState {
  return { id, processId: '', definitionKey: '', status: 'active', seq: 0, next: 1, items: {}, vars: {}, joins: {} };
}

function commandFor(state: InstanceState, act: Act, now: number, run: (now: number, command: Command) => void): void {
  if ('fireTimerOf' in act) return fire(state, act.fireTimerOf, now, run);
  const el = 'complete' in act ? act.complete : 'claim' in act ? act.claim : 'unclaim' in act ? act.unclaim : act.handOn;
  const entry = Object.entries(state.items).find(([, item]) => item.el === el && (item.waits ?? []).some((w) => w && (w.k === 'job' || w.k === 'task')));
  if (!entry) throw new Error(`no open item at ${el}`);
  const [key] = entry;
  if ('complete' in act) return run(now, { type: 'complete', key, variables: act.variables ?? {} });
  if ('claim' in act) return run(now, { type: 'claim', key, assignee: act.assignee });
  if ('unclaim' in act) return run(now, { type: 'unclaim', key });
  run(now, { type: 'handOn', key, to: act.to, by: act.by, reason: act.reason });
}

function fire(state: InstanceState, el: string, now: number, run: (now: number, command: Command) => void): void {
  const entry = Object.entries(state.items).find(([, item]) => item.el === el && (item.waits ?? []).some((w) => w?.k === 'timer'));
  if (!entry) throw new Error(`no open item at ${el} to fire`);
  const [key, item] = entry;
  const wait = (item.waits ?? []).findIndex((w) => w?.k === 'timer');
  const due = (item.waits![wait] as { due: number }).due;
  run(Math.max(now, due), { type: 'trigger', key, wait });
}
