import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { repoRoot } from './paths.js';
import { runLines, runModels } from './run-models.js';
import type { ModelRun, RunKind } from './run-models.js';

/**
 * The third-party models (third-party/SOURCES.md) run as `npm run conformance -- --run
 * tests/conformance/third-party` runs them. The table is what the engine did with them when
 * it was written down; a change in it is a change in how the engine runs models it was not
 * written against, to be looked at and then written down here, never loosened blindly.
 */
const folder = path.join(repoRoot, 'tests/conformance/third-party');

/** How each process ended: `file (processId)` of every run that did not reach its end, by kind. */
const expected: Record<Exclude<RunKind, 'ran to the end'>, readonly string[]> = {
  'waited outside': [
    'camunda-community-hub__zeebe-client-node-js/BpmnParser.bpmn (msg-start-simple)',
    'camunda-community-hub__zeebe-client-node-js/Client-MessageStart.bpmn (msg-start-process)',
    'camunda-community-hub__zeebe-client-node-js/Signal.bpmn (Signal)',
    'camunda-community-hub__zeebe-client-node-js/Worker-Failure3.bpmn (worker-failure3)',
    'camunda-community-hub__zeebe-client-node-js/msg-start.bpmn (emit-frame-process)',
    'camunda-community-hub__zeebe-client-node-js/msg-start.bpmn (msg-start-process)',
    'camunda__zeebe-process-test/message-event.bpmn (message-event)',
    'camunda__zeebe-process-test/pr-created.bpmn (prCreatedProcess)',
    'camunda__zeebe-process-test/timer-start-event-daily.bpmn (timer-start-event-daily)',
    'zeebe-io__zeebe-chaos/chaosTimerStart.bpmn (chaosTimerStart)',
    'zeebe-io__zeebe-chaos/msg-catch.bpmn (Process_0vxxyp6)',
  ],
  stuck: [
    // Start with no variables: no flow's condition holds, a job type or a collection computed from nothing.
    'camunda-community-hub__zeebe-client-node-js/conditional-pathway.bpmn (condition-test)',
    'zeebe-io__zeebe-chaos/actionRunner.bpmn (actionRunner)',
    'zeebe-io__zeebe-chaos/chaosToolkit.bpmn (chaosToolkit)', // no list for its multi-instance
    // The called process lives in another file; each file runs on an engine of its own.
    'camunda__zeebe-process-test/call-activity.bpmn (call-activity)',
    'camunda__zeebe-process-test/multiple-call-activity.bpmn (multiple-call-activity)',
    // Loops until a variable the runner never sets (totalLoops); calls itself without end.
    'camunda__zeebe-process-test/looping-servicetask.bpmn (looping-servicetask)',
    'zeebe-io__zeebe-chaos/call.bpmn (super)',
  ],
  crashed: [],
  refused: [
    'camunda-community-hub__zeebe-client-csharp/timerProcess.bpmn', // no end event (EXT.105)
    'camunda-community-hub__zeebe-client-node-js/Client-SkipFirstTask.bpmn', // service tasks without a job type
    'camunda-community-hub__zeebe-client-node-js/Worker-Failure1.bpmn', // "==" is not FEEL
    'camunda-community-hub__zeebe-client-node-js/broken-bpmn.bpmn', // an empty job type
    'zeebe-io__zeebe-chaos/multiVersionModel_v2.bpmn', // DMN is not supported
  ],
};
const RAN_TO_THE_END = 10;
/** The runner's summary line when the table was written (`N ran to the end, …`). */
const SUMMARY = '10 ran to the end, 11 waited on something outside, 7 stuck or crashed, 5 refused at deploy';

const label = (run: ModelRun) => (run.processId ? `${run.file} (${run.processId})` : run.file);

describe('third-party models run on the engine', () => {
  let runs: ModelRun[] = [];

  test('run the folder', async () => {
    runs = await runModels(folder);
    expect(runs.length).toBeGreaterThanOrEqual(33);
  }, 30_000);

  test('no model crashes the engine', () => {
    expect(runs.filter((r) => r.kind === 'crashed').map((r) => `${label(r)}: ${r.reason}`)).toEqual([]);
  });

  test('every run that did not reach its end says why, naming an element or a code', () => {
    for (const run of runs.filter((r) => r.kind !== 'ran to the end')) {
      // An element id as the model spells it, in quotes or after "at", or an upper-case code.
      expect([run.file, run.reason]).toEqual([run.file, expect.stringMatching(/"[^"]+"|\bat [\w-]+|\b[A-Z][A-Z_]{3,}\b|\bEXT\.\d+/)]);
    }
  });

  test('at least as many models run to their end as when the table was written, and the counts match', () => {
    expect(runs.filter((r) => r.kind === 'ran to the end').length).toBeGreaterThanOrEqual(RAN_TO_THE_END);
    expect(runLines(runs).at(-1)).toBe(SUMMARY);
  });

  test('each model ends as the table says', () => {
    const actual = Object.fromEntries(Object.keys(expected).map((kind) =>
      [kind, runs.filter((r) => r.kind === kind).map(label).sort()]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([kind, list]) => [kind, [...list].sort()])));
  });
});
