/**
 * The platform's bpmnlint plugin (bpmnlint-plugin-yichuang) and the configuration the modeler
 * and the server both lint with: the same rules in the browser (bpmn-js-bpmnlint) and at
 * deploy, the engine's own validation among them. Pure data and rule factories.
 */
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver.js';
import engineAccepts from './rules/engine-accepts.js';
import jointReviewDepartments from './rules/joint-review-departments.js';
import promisedTimeLimit from './rules/promised-time-limit.js';
import refusalReachesFiling from './rules/refusal-reaches-filing.js';
import reportUpNamesUnit from './rules/report-up-names-unit.js';
import userTaskAssignee from './rules/user-task-assignee.js';

export const PLUGIN = 'yichuang';

export const platformRules = {
  'engine-accepts': engineAccepts,
  'refusal-reaches-filing': refusalReachesFiling,
  'user-task-assignee': userTaskAssignee,
  'promised-time-limit': promisedTimeLimit,
  'joint-review-departments': jointReviewDepartments,
  'report-up-names-unit': reportUpNamesUnit,
} as const;

export type PlatformRule = keyof typeof platformRules;

/** Every rule is an error: a draft with any problem is not deployed. */
export const lintConfig = {
  rules: Object.fromEntries(Object.keys(platformRules).map((name) => [`${PLUGIN}/${name}`, 'error'])),
};

/** The packed form bpmnlint's Linter and bpmn-js-bpmnlint take: the config and a resolver of its rules. */
export function packedLintConfig() {
  const cache = Object.fromEntries(Object.entries(platformRules).map(([name, rule]) => [`rule:bpmnlint-plugin-${PLUGIN}/${name}`, rule]));
  return { config: lintConfig, resolver: new StaticResolver(cache) };
}
