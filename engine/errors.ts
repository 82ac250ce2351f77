/**
 * One base error for everything the engine refuses. `code` is stable (callers and the
 * API branch on it); `details` carries what the caller needs to fix the input.
 */
export class EngineError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** One reason a model cannot be deployed, pointing at the element to fix. */
export interface ModelProblem {
  elementId: string;
  elementType: string;
  /** The broken rule: a BPMN spec constraint (`EXT.002`) or an engine limit (`unsupported`). */
  rule: string;
  message: string;
}

/** A definition the engine will not run faithfully. Never thrown for a model it could run. */
export class ModelError extends EngineError {
  readonly problems: readonly ModelProblem[];

  constructor(problems: readonly ModelProblem[], source = 'definitions') {
    const first = problems[0];
    const head = first
      ? `${first.elementType} "${first.elementId}": ${first.message} [${first.rule}]`
      : 'no problems listed';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super('MODEL_INVALID', `cannot deploy ${source}: ${head}${more}`, { problems });
    this.problems = problems;
  }
}

/** A FEEL expression that does not parse or fails to evaluate. */
export class ExpressionError extends EngineError {
  constructor(message: string, details: { expression: string; elementId?: string; attribute?: string }) {
    super('EXPRESSION_INVALID', message, details);
  }
}
