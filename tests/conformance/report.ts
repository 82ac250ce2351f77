import type { ConstraintResult } from './constraints.js';
import type { SuiteResult, TestResult } from './run-suite.js';
import { SCORED_GROUPS, SEPARATE_GROUPS } from './suite.js';

/** Passed and failed counts. */
export interface Tally {
  passed: number;
  failed: number;
}

/** Counts the tests of the given groups (all groups when none are given). Pure. */
export function tally(tests: readonly TestResult[], groups?: readonly string[]): Tally {
  const chosen = groups ? tests.filter((t) => groups.includes(t.group)) : tests;
  const passed = chosen.filter((t) => t.passed).length;
  return { passed, failed: chosen.length - passed };
}

const line = (label: string, t: Tally, suffix = '') => `${label}: ${t.passed} passed, ${t.failed} failed${suffix}`;

/** The score lines: groups, the conformance score, the separate groups, constraints, total. Pure. */
export function scoreLines(suite: SuiteResult, constraints: readonly ConstraintResult[]): string[] {
  const lines = SCORED_GROUPS.map((group) => line(group, tally(suite.tests, [group])));
  lines.push(line(`conformance (${SCORED_GROUPS.join(', ')})`, tally(suite.tests, SCORED_GROUPS)));
  lines.push(...SEPARATE_GROUPS.map((group) => line(group, tally(suite.tests, [group]), ' (scored separately)')));
  lines.push(constraintLine(constraints));
  lines.push(...notApplicableLines(suite));
  const total = tally(suite.tests);
  lines.push(`${total.passed} passed, ${total.failed} failed`);
  return lines;
}

function constraintLine(results: readonly ConstraintResult[]): string {
  const refused = results.filter((r) => r.refused).length;
  const head = `bpmn_constraints: ${refused} of ${results.length} refused`;
  return refused === results.length ? `${head}, each naming its rule` : `${head} naming their rule; ${results.length - refused} not`;
}

function notApplicableLines(suite: SuiteResult): string[] {
  if (suite.notApplicable.length === 0) {
    return ['not applicable: ParallelGateway_TrueParallelism would be (it needs real thread parallelism), but this copy of the suite has no such test'];
  }
  return suite.notApplicable.map((t) => `not applicable: ${t.name} (${t.reason}), not counted`);
}

/** Each failing test with its failing cases' expected and actual logs, and the notes. Pure. */
export function failureLines(suite: SuiteResult, constraints: readonly ConstraintResult[]): string[] {
  const lines: string[] = [];
  for (const test of suite.tests.filter((t) => !t.passed)) {
    lines.push(`FAIL ${test.group}/${test.name}`, ...test.rewriteNotes.map((n) => `    rewrite: ${n}`));
    for (const c of test.cases.filter((x) => !x.passed)) {
      lines.push(`  case ${c.number}: expected [${c.expected.join(', ')}]`, `          actual   [${c.actual.join(', ')}]`);
      lines.push(...c.notes.map((n) => `          note: ${n}`));
    }
  }
  for (const r of constraints.filter((x) => !x.refused)) lines.push(`NOT REFUSED bpmn_constraints/${r.folder}/${r.file}: ${r.detail}`);
  return lines;
}
