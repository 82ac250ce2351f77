/** Where an expression sits in the model, so every message can point the author at it. */
export interface ExpressionSite {
  elementId: string;
  /** The attribute or element holding the text, e.g. `conditionExpression`, `zeebe:input[0].source`. */
  attribute: string;
}

/**
 * A FEEL expression that parsed at deploy time. `text` is the body without the leading `=`.
 * A plain frozen object: the compiled graph is frozen and may be shared between instances.
 */
export interface FeelExpression extends ExpressionSite {
  readonly kind: 'feel';
  readonly text: string;
}

/** An attribute written without `=`: a value taken literally, never evaluated. */
export interface StaticValue extends ExpressionSite {
  readonly kind: 'static';
  readonly text: string;
  readonly value: string | number;
}

export type CompiledExpression = FeelExpression | StaticValue;

/** What an evaluation may know about the outside world: only the time it is told. */
export interface EvaluationContext {
  /** The instant FEEL's `now()` and `today()` answer with, in epoch milliseconds. */
  now: number;
  /** IANA zone for `now()` and `today()`; `UTC` when absent (never the host's zone). */
  timeZone?: string;
}

/** A non-fatal remark from feelin, e.g. an unknown variable that evaluated to null. */
export interface ExpressionWarning {
  type: string;
  message: string;
  /** Character offsets into the expression text. */
  position: { from: number; to: number };
}

/** A result that is plain JSON data, with the warnings the evaluation produced. */
export interface Evaluation {
  value: unknown;
  warnings: ExpressionWarning[];
}
