import { readFileSync } from 'node:fs';
import { createEngine, ModelError, VirtualClock, weekdayCalendar } from '../../engine/index.js';
import { constraintModels, ruleMatchesFolder } from './suite.js';
import type { ConstraintModel } from './suite.js';

/** Whether a constraint model was refused under the rule its folder names, and what happened. */
export interface ConstraintResult {
  folder: string;
  file: string;
  refused: boolean;
  /** The matching problem, or what the engine did instead. */
  detail: string;
}

/** Deploys every `bpmn_constraints` model as written, each on a fresh engine. */
export async function checkConstraints(dir: string): Promise<ConstraintResult[]> {
  const results: ConstraintResult[] = [];
  for (const model of constraintModels(dir)) results.push(await checkConstraint(model));
  return results;
}

async function checkConstraint(model: ConstraintModel): Promise<ConstraintResult> {
  const engine = createEngine({ clock: new VirtualClock(), calendar: weekdayCalendar() });
  const base = { folder: model.folder, file: model.file };
  try {
    await engine.deploy(readFileSync(model.fullPath, 'utf8'), { name: model.file });
    return { ...base, refused: false, detail: 'deployed' };
  } catch (err) {
    if (!(err instanceof ModelError)) return { ...base, refused: false, detail: `crashed: ${(err as Error).message}` };
    const hit = err.problems.find((p) => ruleMatchesFolder(p.rule, model.folder) && p.elementId !== '');
    if (hit) return { ...base, refused: true, detail: `${hit.elementId} [${hit.rule}] ${hit.message}` };
    return { ...base, refused: false, detail: `refused under ${[...new Set(err.problems.map((p) => p.rule))].join(', ')}: ${err.problems[0]?.message ?? ''}` };
  } finally {
    await engine.close();
  }
}
