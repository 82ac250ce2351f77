/**
 * The engine's expression layer: FEEL (via feelin), Camunda 8 / Zeebe compatible.
 * Compile at deploy (syntax errors name element and attribute), evaluate purely with the
 * time the caller gives, get plain JSON data back.
 */
export { compileAttribute, compileExpression } from './compile.js';
export { evaluate, evaluateScript, evaluateWithWarnings } from './evaluate.js';
export type { Variables } from './evaluate.js';
export { evaluateCollection, evaluateCondition, evaluateInteger } from './typed-results.js';
export { applyMappings, compileMappings } from './mappings.js';
export type { CompiledMapping, CompiledMappings, Mapping } from './mappings.js';
export { DEFAULT_TIME_ZONE } from './clock.js';
export { looksLikeJuel } from './syntax.js';
export type {
  CompiledExpression,
  Evaluation,
  EvaluationContext,
  ExpressionSite,
  ExpressionWarning,
  FeelExpression,
  StaticValue,
} from './types.js';
