import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One betsy test case: start variables, how long time runs, and the expected log multiset. */
export interface BetsyCase {
  number: number;
  input_test: string | null;
  integerVariable: number;
  delay_ms: number;
  startParallelProcess: boolean;
  expectedTrace: string[];
}

/** One betsy test as `expectations.json` lists it. */
export interface BetsyTest {
  name: string;
  group: string;
  file: string;
  processId: string;
  description: string;
  requires: string[];
  testCases: BetsyCase[];
}

/** Groups in report order; the first five make the conformance score. */
export const SCORED_GROUPS = ['basics', 'activities', 'gateways', 'events', 'data'] as const;
/** Groups scored on their own: workflow patterns, and models to run correctly or refuse. */
export const SEPARATE_GROUPS = ['cfpatterns', 'errors'] as const;

/** Tests that no in-process engine can pass, with the reason the report gives. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  ParallelGateway_TrueParallelism: 'needs real thread parallelism',
};

/** A constraint model and the rule its folder names. */
export interface ConstraintModel {
  folder: string;
  file: string;
  fullPath: string;
}

/** Whether a folder is a betsy suite (it has `expectations.json`). Reads the disk. */
export function isBetsySuite(dir: string): boolean {
  return existsSync(path.join(dir, 'expectations.json'));
}

/** Reads `expectations.json`. */
export function loadSuite(dir: string): BetsyTest[] {
  return JSON.parse(readFileSync(path.join(dir, 'expectations.json'), 'utf8')) as BetsyTest[];
}

/** Reads a test's model file. */
export function readModel(dir: string, test: BetsyTest): string {
  return readFileSync(path.join(dir, 'models', test.file), 'utf8');
}

/** Every model under `models/bpmn_constraints/<RULE>/`, sorted. */
export function constraintModels(dir: string): ConstraintModel[] {
  const root = path.join(dir, 'models', 'bpmn_constraints');
  if (!existsSync(root)) return [];
  return readdirSync(root).sort().flatMap((folder) => readdirSync(path.join(root, folder))
    .filter((file) => file.endsWith('.bpmn')).sort()
    .map((file) => ({ folder, file, fullPath: path.join(root, folder, file) })));
}

/**
 * Whether a problem's rule is the one the constraint folder names: `EXT002` wants `EXT.002`,
 * `REF` any referential rule (`REF.1`, `REF.12`, ...). Pure.
 */
export function ruleMatchesFolder(rule: string, folder: string): boolean {
  if (folder === 'REF') return rule.startsWith('REF');
  const match = /^EXT(\d+)$/.exec(folder);
  return match !== null && rule === `EXT.${match[1]}`;
}
