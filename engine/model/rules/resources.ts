import { listOf } from '../moddle.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { identified, one } from './kinds.js';

/** EXT.039 — a Resource Role names its resource either by reference or by an assignment expression, not both. */
const referenceOrExpression: Rule = (model, problems) => {
  for (const role of model.all('bpmn:ResourceRole')) {
    if (!one(role.resourceRef) || !one(role.resourceAssignmentExpression)) continue;
    const activity = model.parentOf(role) ?? role;
    problems.add(identified(model, role), 'EXT.039',
      `${describe(role)} of ${describe(activity)} has both a resourceRef and a resourceAssignmentExpression`);
  }
};

/** EXT.040 — parameter bindings only make sense for a Resource Role that references a resource. */
const bindingsNeedReference: Rule = (model, problems) => {
  for (const role of model.all('bpmn:ResourceRole')) {
    if (one(role.resourceRef) || listOf(role.resourceParameterBindings).length === 0) continue;
    const activity = model.parentOf(role) ?? role;
    problems.add(identified(model, role), 'EXT.040',
      `${describe(role)} of ${describe(activity)} binds resource parameters without a resourceRef`);
  }
};

/** Constraints on how activities name the people or systems that perform them. */
export const resourceRules: readonly Rule[] = [referenceOrExpression, bindingsNeedReference];
