import { parseBpmn } from '../../engine/index.js';
import { lintDefinitions } from '../../modeler/lint/run-rules.js';
import type { DraftCheck } from './validation.js';

/** The engine's validation already ran in checkDraft; its lint twin would only say it twice. */
const ENGINE_RULE = 'yichuang/engine-accepts';

/** The platform's lint rules, the same the modeler shows on the diagram. */
const platformLint: DraftCheck = async (xml) => {
  let definitions: unknown;
  try {
    definitions = (await parseBpmn(xml)).definitions;
  } catch {
    return []; // unreadable XML: the engine's check has said so
  }
  return lintDefinitions(definitions).filter((f) => f.rule !== ENGINE_RULE)
    .map((f) => ({ elementId: f.elementId, source: 'lint' as const, rule: f.rule, message: f.message, severity: f.severity }));
};

/** The checks a draft passes besides the engine's own before it is deployed. */
export const draftChecks: readonly DraftCheck[] = [platformLint];
