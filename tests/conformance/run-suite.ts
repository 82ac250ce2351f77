import { rewriteForEngine } from './rewrite.js';
import { runCase } from './run-case.js';
import type { CaseResult } from './run-case.js';
import { loadSuite, NOT_APPLICABLE, readModel } from './suite.js';
import type { BetsyTest } from './suite.js';

/** One betsy test's outcome; it passes when every case passes. */
export interface TestResult {
  name: string;
  group: string;
  passed: boolean;
  cases: CaseResult[];
  /** What the model rewrite could not do (a condition outside the Java-like set). */
  rewriteNotes: string[];
}

/** The whole run: executed tests, and the ones reported as not applicable with the reason. */
export interface SuiteResult {
  tests: TestResult[];
  notApplicable: Array<{ name: string; reason: string }>;
}

/** Runs every test of the betsy suite in `dir`, each case on a fresh engine. */
export async function runSuite(dir: string): Promise<SuiteResult> {
  const result: SuiteResult = { tests: [], notApplicable: [] };
  for (const test of loadSuite(dir)) {
    const reason = NOT_APPLICABLE[test.name];
    if (reason) result.notApplicable.push({ name: test.name, reason });
    else result.tests.push(await runTest(dir, test));
  }
  return result;
}

/** Runs one betsy test: rewrites its model once, then runs each case. */
export async function runTest(dir: string, test: BetsyTest): Promise<TestResult> {
  const { xml, notes } = await rewriteForEngine(readModel(dir, test));
  const cases: CaseResult[] = [];
  for (const testCase of test.testCases) cases.push(await runCase(test, testCase, xml));
  return { name: test.name, group: test.group, passed: cases.every((c) => c.passed), cases, rewriteNotes: notes };
}
