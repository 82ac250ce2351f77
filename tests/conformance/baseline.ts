import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConstraintResult } from './constraints.js';
import { repoRoot } from './paths.js';
import { tally } from './report.js';
import type { SuiteResult } from './run-suite.js';
import { SCORED_GROUPS, SEPARATE_GROUPS } from './suite.js';

/** The recorded score the jest guard holds the engine to: it may rise, never fall. */
export interface Baseline {
  /** Passed tests per group. */
  groups: Record<string, number>;
  /** Names of the tests that passed, sorted. */
  passing: string[];
  /** Constraint models (`FOLDER/file`) not yet refused under their rule: known gaps. */
  constraintGaps: string[];
}

/** Where the baseline lives, beside the guard that reads it. */
export const baselinePath = path.join(repoRoot, 'tests/conformance/baseline.json');

/** The baseline a run would record. Pure. */
export function baselineOf(suite: SuiteResult, constraints: readonly ConstraintResult[]): Baseline {
  const groups = Object.fromEntries([...SCORED_GROUPS, ...SEPARATE_GROUPS].map((g) => [g, tally(suite.tests, [g]).passed]));
  return {
    groups,
    passing: suite.tests.filter((t) => t.passed).map((t) => t.name).sort(),
    constraintGaps: constraints.filter((c) => !c.refused).map(constraintName).sort(),
  };
}

/** `EXT053/EXT053_1_failure.bpmn`: how the baseline names a constraint model. Pure. */
export function constraintName(result: { folder: string; file: string }): string {
  return `${result.folder}/${result.file}`;
}

/** Reads the recorded baseline. Reads the disk. */
export function readBaseline(): Baseline {
  return JSON.parse(readFileSync(baselinePath, 'utf8')) as Baseline;
}

/** Writes the baseline, pretty-printed so a score change reads well in a diff. Writes the disk. */
export function writeBaseline(baseline: Baseline): void {
  writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
}
