import { compileBpmn, ModelError } from '../../engine/index.js';

/** One reason a draft may not be deployed (or, as a warning, should be looked at). */
export interface DeployProblem {
  elementId: string;
  /** engine: the engine's deploy-time validation; lint: the platform's modelling rules. */
  source: 'engine' | 'lint';
  rule: string;
  message: string;
  severity: 'error' | 'warn';
}

/** Further checks run beside the engine's (the platform's lint rules, registered by the lint module). */
export type DraftCheck = (xml: string) => Promise<DeployProblem[]>;

/**
 * What the engine would refuse at deploy, as problems (none: it compiles), then each extra
 * check's problems. The same checks the modeler runs in the browser, so what it passes the
 * server accepts.
 */
export async function checkDraft(xml: string, checks: readonly DraftCheck[] = []): Promise<{ problems: DeployProblem[]; processIds: string[] }> {
  const problems: DeployProblem[] = [];
  let processIds: string[] = [];
  try {
    processIds = Object.keys((await compileBpmn(xml, 'draft')).processes);
  } catch (err) {
    if (err instanceof ModelError) problems.push(...err.problems.map((p) => ({ elementId: p.elementId, source: 'engine' as const, rule: p.rule, message: p.message, severity: 'error' as const })));
    else problems.push({ elementId: '', source: 'engine', rule: 'parse', message: `无法读取 BPMN：${(err as Error).message}`, severity: 'error' });
  }
  for (const check of checks) problems.push(...(await check(xml)));
  return { problems, processIds };
}
