import { createEngine, ModelError, VirtualClock, weekdayCalendar } from '../../engine/index.js';
import type { Engine } from '../../engine/index.js';
import { Harness } from './harness.js';
import { bareErrors, harnessEntries } from './harness-entries.js';
import { letTimeRun } from './let-time-run.js';
import { BETSY_JOB } from './placeholders.js';
import type { BetsyCase, BetsyTest } from './suite.js';

/** One test case's outcome: the expected and actual logs (sorted) and what went wrong. */
export interface CaseResult {
  number: number;
  expected: string[];
  actual: string[];
  passed: boolean;
  /** Refusals, incidents and engine failures met on the way, for the verbose report. */
  notes: string[];
}

/** Runs one test case on a fresh engine with a virtual clock, the way betsy's harness does. */
export async function runCase(test: BetsyTest, testCase: BetsyCase, xml: string): Promise<CaseResult> {
  const harness = new Harness();
  const clock = new VirtualClock();
  let n = 0;
  const engine = createEngine({ clock, calendar: weekdayCalendar(), newId: () => `i${++n}`, jobHandlers: { [BETSY_JOB]: harness.handle } });
  const notes: string[] = [];
  const failures = new Set<string>();
  if (await deployed(engine, xml, test.file, notes)) {
    await startAndRun(engine, clock, test, testCase, { failures, notes });
    for (const entry of await harnessEntries(engine, harness, testCase.expectedTrace, notes)) failures.add(entry);
  } else {
    failures.add('ERROR_deployment');
  }
  await engine.close();
  return judge(testCase, bareErrors([...harness.log, ...failures], testCase.expectedTrace), notes);
}

async function deployed(engine: Engine, xml: string, name: string, notes: string[]): Promise<boolean> {
  try {
    await engine.deploy(xml, { name });
    return true;
  } catch (err) {
    const problems = err instanceof ModelError ? err.problems.map((p) => `${p.elementId} [${p.rule}] ${p.message}`) : [];
    notes.push(`refused at deploy: ${problems.join('; ') || (err as Error).message}`);
    return false;
  }
}

interface Trouble {
  failures: Set<string>;
  notes: string[];
}

async function startAndRun(engine: Engine, clock: VirtualClock, test: BetsyTest, testCase: BetsyCase, trouble: Trouble): Promise<void> {
  const variables = { test: testCase.input_test ?? null, integerVariable: testCase.integerVariable, testCaseNumber: testCase.number };
  const started = await guard(trouble, 'start', async () => {
    if (testCase.startParallelProcess) {
      await engine.start('ParallelProcess', variables);
      await engine.idle();
    }
    await engine.start(test.processId, variables);
  });
  if (!started) return;
  if (!(await guard(trouble, 'run', () => engine.idle()))) return;
  if (testCase.delay_ms > 0) await guard(trouble, 'letting time run', () => letTimeRun(engine, clock, testCase.delay_ms));
}

/** Runs a step; a throw is a runtime failure of the case (logged `ERROR_runtime`). */
async function guard(trouble: Trouble, what: string, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (err) {
    trouble.failures.add('ERROR_runtime');
    trouble.notes.push(`${what} threw: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    return false;
  }
}

function judge(testCase: BetsyCase, log: string[], notes: string[]): CaseResult {
  const expected = [...testCase.expectedTrace].sort();
  const actual = [...log].sort();
  const passed = expected.length === actual.length && expected.every((entry, i) => entry === actual[i]);
  return { number: testCase.number, expected, actual, passed, notes };
}
