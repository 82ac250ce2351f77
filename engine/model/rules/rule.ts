import type { ModdleElement } from '../moddle.js';
import type { Problems } from '../problems.js';
import type { ModelIndex } from './model-index.js';

/**
 * One BPMN 2.0 specification constraint checked over a whole model. A rule only reads the
 * index and adds problems; it never throws for a broken model.
 */
export type Rule = (model: ModelIndex, problems: Problems) => void;

/**
 * Reports one breach under every rule id that states it. The spec repeats some constraints in
 * two places (the boundary event section and the cancel event table, say); betsy numbers each.
 */
export function report(problems: Problems, element: ModdleElement, rules: readonly string[], message: string): void {
  for (const rule of rules) problems.add(element, rule, message);
}

/** A readable name for messages: `Task "Check form"` or `Task _3`. */
export function describe(element: ModdleElement | undefined): string {
  if (!element) return 'nothing';
  const type = element.$type.replace(/^bpmn:/, '');
  return element.name ? `${type} "${element.name}"` : `${type} ${element.id ?? '(no id)'}`;
}
