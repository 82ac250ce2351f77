import { parseBpmn } from '../../engine/index.js';
import { javaLikeToFeel } from './java-like.js';
import { allElements, isElement, moddle } from './model-tree.js';
import type { ModdleElement } from './model-tree.js';
import { bindPlaceholder } from './placeholders.js';

/** Properties whose expression body betsy writes in its Java-like form. */
const CONDITION_PROPERTIES = [
  'conditionExpression', 'loopCondition', 'completionCondition', 'condition', 'loopCardinality', 'activationCondition',
];

/** A model ready for the engine, with what the rewrite could not do. */
export interface Rewritten {
  xml: string;
  notes: string[];
}

/**
 * Rewrites a betsy model as the original suite's engine adapters did: placeholder scripts
 * become `betsy` jobs, Java-like conditions become FEEL. Never looks at the test name.
 * XML that does not parse is returned unchanged, for the engine to refuse.
 */
export async function rewriteForEngine(xml: string): Promise<Rewritten> {
  let definitions: ModdleElement;
  try {
    definitions = (await parseBpmn(xml)).definitions;
  } catch {
    return { xml, notes: ['the model does not parse; deployed as written'] };
  }
  const notes: string[] = [];
  for (const element of allElements(definitions)) {
    rewriteConditions(element, notes);
    bindPlaceholder(element);
  }
  return { xml: (await moddle.toXML(definitions, { format: true })).xml, notes };
}

function rewriteConditions(element: ModdleElement, notes: string[]): void {
  for (const property of CONDITION_PROPERTIES) {
    const expression = element[property];
    if (!isElement(expression) || typeof expression.body !== 'string') continue;
    try {
      expression.body = javaLikeToFeel(expression.body);
    } catch (err) {
      // Left as written: the engine then refuses it, and the note says why.
      notes.push(`${element.id ?? element.$type} ${property}: ${(err as Error).message}`);
    }
  }
}
