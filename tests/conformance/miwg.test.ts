import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine, ModelError, parseBpmn, VirtualClock, weekdayCalendar } from '../../engine/index.js';
import { isPresent, miwgDir } from './paths.js';
import { runFile } from './run-models.js';

const present = isPresent(miwgDir);
const suiteDescribe = present ? describe : describe.skip;
const models = present && existsSync(miwgDir) ? readdirSync(miwgDir).filter((f) => f.endsWith('.bpmn')).sort().map((file) => ({ file })) : [];

/**
 * MIWG models that truly break a BPMN constraint (see tests/engine/model/spec-rules.test.ts):
 * spec rules are checked first, so their refusal names the breach, not the missing executability.
 */
const breaches: Readonly<Record<string, readonly string[]>> = {
  'C.7.0.bpmn': ['EXT.020', 'EXT.083'],
};

/** The MIWG models the engine deploys, and how far each runs with empty answers (see run-models.ts). */
const runnable: Readonly<Record<string, string>> = {
  'C.9.1.bpmn': 'ran to the end',
  'C.9.2.bpmn': 'ran to the end',
};

/** Deploys a file on a fresh engine; the refusal, if any, as a ModelError. Anything else throws. */
async function deploy(xml: string): Promise<ModelError | undefined> {
  const engine = createEngine({ clock: new VirtualClock(), calendar: weekdayCalendar() });
  try {
    await engine.deploy(xml);
    return undefined;
  } catch (err) {
    if (err instanceof ModelError) return err;
    throw err;
  } finally {
    await engine.close();
  }
}

async function hasExecutableProcess(xml: string): Promise<boolean> {
  const { definitions } = await parseBpmn(xml);
  const roots = (definitions.rootElements ?? []) as Array<{ $type: string; isExecutable?: boolean }>;
  return roots.some((root) => root.$type === 'bpmn:Process' && root.isExecutable === true);
}

suiteDescribe(present ? 'the MIWG reference models' : 'the MIWG reference models (skipped: ../shared/conformance/miwg is absent)', () => {
  test('are all 21 there', () => {
    expect(models).toHaveLength(21);
  });

  if (models.length > 0) test.each(models)('$file deploys, or is refused with a reason naming an element', async ({ file }) => {
    const refusal = await deploy(readFileSync(path.join(miwgDir, file), 'utf8'));
    for (const problem of refusal?.problems ?? []) {
      expect(problem.elementId).not.toBe('');
      expect(problem.message).not.toBe('');
    }
  });

  if (models.length > 0) test.each(models)('$file, when it has no executable process, is refused as not executable', async ({ file }) => {
    const xml = readFileSync(path.join(miwgDir, file), 'utf8');
    if (await hasExecutableProcess(xml)) return;
    const rules = (await deploy(xml))?.problems.map((p) => p.rule) ?? ['(deployed)'];
    const allowed = breaches[file] ?? ['executable'];
    expect(rules.filter((rule) => !allowed.includes(rule))).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  if (models.length > 0) test.each(models)('$file runs as far as expected when deployed: started, answered with empty results, never crashing', async ({ file }) => {
    const runs = await runFile(readFileSync(path.join(miwgDir, file), 'utf8'), file);
    for (const run of runs) {
      expect(run.kind).not.toBe('crashed');
      expect(run.reason).not.toBe('');
    }
    const deployed = runs.filter((run) => run.kind !== 'refused');
    expect(deployed.map((run) => run.kind)).toEqual(runnable[file] ? [runnable[file]] : []);
  });
});
