import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { isMimeType, isUriReference } from './syntax.js';
import { identified } from './kinds.js';

/** Reports every element of `type` whose string attribute `name` is set but malformed. */
function attributeRule(type: string, name: string, rule: string, valid: (v: string) => boolean, what: string): Rule {
  return (model, problems) => {
    for (const element of model.all(type)) {
      const value = element[name];
      if (typeof value !== 'string' || valid(value)) continue;
      problems.add(identified(model, element), rule, `${describe(element)}: ${name} "${value}" is not ${what}`);
    }
  };
}

/** Attribute value formats the spec prescribes. */
export const formatRules: readonly Rule[] = [
  // EXT.004 — the textFormat of a Documentation is a MIME type.
  attributeRule('bpmn:Documentation', 'textFormat', 'EXT.004', isMimeType, 'a MIME type'),
  // EXT.010 — the textFormat of a Text Annotation is a MIME type.
  attributeRule('bpmn:TextAnnotation', 'textFormat', 'EXT.010', isMimeType, 'a MIME type'),
  // EXT.014 — the language of a Formal Expression is a URI.
  attributeRule('bpmn:FormalExpression', 'language', 'EXT.014', isUriReference, 'a URI'),
  // EXT.060 — the method of a Transaction is a URI.
  attributeRule('bpmn:Transaction', 'method', 'EXT.060', isUriReference, 'a URI'),
];
