import { platformRules, PLUGIN } from './index.js';
import type { Node } from './model.js';

/** One finding of the platform's lint on an element. */
export interface LintFinding {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warn';
}

interface Descriptor { isGeneric?: boolean; properties: Array<{ name: string; type: string; isAttr?: boolean; isReference?: boolean; isMany?: boolean }> }

const SIMPLE = ['String', 'Boolean', 'Integer', 'Real'];

/** Depth first over contained elements, as bpmnlint's traverse walks a moddle tree. */
function traverse(element: Node, visit: (node: Node) => void): void {
  visit(element);
  const descriptor = element.$descriptor as Descriptor;
  if (descriptor.isGeneric) return;
  for (const p of descriptor.properties.filter((q) => !q.isAttr && !q.isReference && !SIMPLE.includes(q.type))) {
    if (!(p.name in element)) continue;
    const value = element[p.name];
    for (const child of (p.isMany ? value : [value]) as Node[]) if (child) traverse(child, visit);
  }
}

/**
 * Runs the platform's rules over a bpmn:Definitions tree the way bpmnlint's Linter does (the
 * browser runs them through bpmnlint itself, via bpmn-js-bpmnlint). On the server this runner
 * is used because bpmnlint 11's CommonJS entry needs require(esm), which the test runner lacks.
 * Every rule reports errors. Pure apart from the rules' reading.
 */
export function lintDefinitions(definitions: unknown): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const [name, factory] of Object.entries(platformRules)) {
    const rule = `${PLUGIN}/${name}`;
    const { check } = factory();
    traverse(definitions as Node, (node) => check(node, { report: (id, message) => findings.push({ elementId: id, rule, message, severity: 'error' }) }));
  }
  return findings;
}
