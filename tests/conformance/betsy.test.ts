import { beforeAll, describe, expect, test } from '@jest/globals';
import { baselineOf, constraintName, readBaseline } from './baseline.js';
import { checkConstraints } from './constraints.js';
import type { ConstraintResult } from './constraints.js';
import { betsyDir, isPresent } from './paths.js';
import { runSuite } from './run-suite.js';
import type { SuiteResult } from './run-suite.js';
import { constraintModels } from './suite.js';

const present = isPresent(betsyDir);
const suiteDescribe = present ? describe : describe.skip;
const baseline = readBaseline();
const models = present ? constraintModels(betsyDir).map((m) => ({ name: constraintName(m) })) : [];
const gaps = new Set(baseline.constraintGaps);

suiteDescribe(present ? 'the betsy conformance suite' : 'the betsy conformance suite (skipped: ../shared/conformance/betsy is absent)', () => {
  let suite: SuiteResult;
  let constraints: Map<string, ConstraintResult>;

  beforeAll(async () => {
    suite = await runSuite(betsyDir);
    constraints = new Map((await checkConstraints(betsyDir)).map((c) => [constraintName(c), c]));
  }, 120_000);

  test('scores at least the recorded baseline in every group', () => {
    const now = baselineOf(suite, [...constraints.values()]).groups;
    const fallen = Object.entries(baseline.groups)
      .filter(([group, passed]) => (now[group] ?? 0) < passed)
      .map(([group, passed]) => `${group}: ${now[group] ?? 0} passed, the baseline is ${passed}`);
    expect(fallen).toEqual([]);
  });

  if (baseline.passing.length > 0) test.each(baseline.passing)('%s still passes', (name) => {
    const result = suite.tests.find((t) => t.name === name);
    const failing = result?.cases.filter((c) => !c.passed).map((c) => `case ${c.number}: expected [${c.expected}] got [${c.actual}]`);
    expect({ name, failing: failing ?? ['the test is missing'] }).toEqual({ name, failing: [] });
  });

  // Jest refuses an empty table, so each table is declared only when it has rows.
  const refusable = models.filter((m) => !gaps.has(m.name));
  const known = models.filter((m) => gaps.has(m.name));
  if (refusable.length > 0) test.each(refusable)('refuses the constraint model $name under its rule', ({ name }) => {
    expect({ name, refused: constraints.get(name)?.refused, detail: constraints.get(name)?.detail }).toMatchObject({ name, refused: true });
  });

  if (known.length > 0) test.failing.each(known)('is a known gap, not yet refused under its rule: $name', ({ name }) => {
    expect(constraints.get(name)?.refused).toBe(true);
  });
});
