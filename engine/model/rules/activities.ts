import type { Rule } from './rule.js';
import { describe } from './rule.js';

/** Reports every activity whose integer attribute `name` is below 1. */
function atLeastOne(name: 'startQuantity' | 'completionQuantity', rule: string): Rule {
  return (model, problems) => {
    for (const activity of model.all('bpmn:Activity')) {
      const value = activity[name];
      if (typeof value === 'number' && value < 1) {
        problems.add(activity, rule, `${describe(activity)} has ${name} ${value}; it must be at least 1`);
      }
    }
  };
}

/** Token quantities of activities. */
export const activityRules: readonly Rule[] = [
  // EXT.037 — the startQuantity of an Activity is not below 1.
  atLeastOne('startQuantity', 'EXT.037'),
  // EXT.038 — the completionQuantity of an Activity is not below 1.
  atLeastOne('completionQuantity', 'EXT.038'),
];
