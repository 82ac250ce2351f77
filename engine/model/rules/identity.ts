import type { Rule } from './rule.js';
import { describe } from './rule.js';

const duplicateWarning = /unparsable content <([^>]+)>[\s\S]*duplicate ID <([^>]+)>/;

/**
 * EXT.002 — every id is unique within the definitions. bpmn-moddle keeps the first element that
 * claims an id and drops the next one with a reader warning, so that is where the breach shows.
 */
const uniqueIdsRead: Rule = (model, problems) => {
  for (const warning of model.warnings) {
    const match = duplicateWarning.exec(warning.message);
    if (!match) continue;
    const [, tag = 'element', id = ''] = match;
    const kept = model.byId.get(id);
    problems.add({ $type: kept?.$type ?? tag, id }, 'EXT.002',
      `id "${id}" is used again by a <${tag}>; ${describe(kept)} already has it`);
  }
};

/** EXT.002 — the same, for a model whose elements reached the index with a shared id. */
const uniqueIdsIndexed: Rule = (model, problems) => {
  const seen = new Set<string>();
  for (const { element } of model.visits) {
    if (!element.id) continue;
    if (seen.has(element.id)) problems.add(element, 'EXT.002', `id "${element.id}" is used by more than one element`);
    seen.add(element.id);
  }
};

/** Identity constraints. */
export const identityRules: readonly Rule[] = [uniqueIdsRead, uniqueIdsIndexed];
