import type { z } from 'zod';
import { compileExpression } from '../../engine/index.js';
import type { FeelExpression } from '../../engine/index.js';
import type { FormComponent, FormDefinition, FormGroup } from './definition.js';
import { valueSchema } from './field-schema.js';
import type { KeyedComponent } from './field-schema.js';

/**
 * A form's data as a tree: the values its fields hold, and the objects a group with a `path`
 * makes. Each node carries the conditions that hide it (its own and its groups'), compiled
 * once, and the schema of a value it may hold.
 */
export type DataNode = ValueNode | ObjectNode;

interface NodeBase {
  key: string;
  /** Dotted path from the form's root, as errors name it. */
  path: string;
  label: string;
  /** Hidden when any of these gives true. */
  hides: readonly FeelExpression[];
}

export interface ValueNode extends NodeBase {
  kind: 'value';
  component: KeyedComponent;
  required: boolean;
  schema: z.ZodType;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  children: readonly DataNode[];
}

/**
 * The data tree of a form. Throws on a key used twice at one level, or a condition that is not
 * FEEL (ExpressionError, naming the form and component). Pure.
 */
export function dataTree(form: FormDefinition): DataNode[] {
  return nodesOf(form.id, form.components, '', []);
}

function nodesOf(formId: string, components: readonly FormComponent[], prefix: string, hides: readonly FeelExpression[]): DataNode[] {
  const nodes: DataNode[] = [];
  for (const component of components) nodes.push(...nodesOfOne(formId, component, prefix, hides));
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.key)) throw new Error(`表单 ${formId}：「${node.path}」出现了两次，每个键只能用一次`);
    seen.add(node.key);
  }
  return nodes;
}

function nodesOfOne(formId: string, component: FormComponent, prefix: string, outer: readonly FeelExpression[]): DataNode[] {
  const hides = [...outer, ...hideOf(formId, component)];
  if (component.type === 'group') return groupNodes(formId, component, prefix, hides);
  if (!('key' in component)) return [];
  const keyed = component as KeyedComponent;
  const path = `${prefix}${keyed.key}`;
  return [{ kind: 'value', key: keyed.key, path, label: keyed.label || keyed.key, hides, component: keyed, required: keyed.validate?.required === true, schema: valueSchema(keyed) }];
}

/** A group with a path holds its children's data in an object; without one, beside its siblings. */
function groupNodes(formId: string, group: FormGroup, prefix: string, hides: readonly FeelExpression[]): DataNode[] {
  if (!group.path) return nodesOf(formId, group.components, prefix, hides);
  const path = `${prefix}${group.path}`;
  return [{ kind: 'object', key: group.path, path, label: group.label || group.path, hides, children: nodesOf(formId, group.components, `${path}.`, []) }];
}

function hideOf(formId: string, component: FormComponent): FeelExpression[] {
  const text = component.conditional?.hide;
  const where = { elementId: `${formId}:${component.id ?? ('key' in component ? component.key : component.type)}`, attribute: 'conditional.hide' };
  return text ? [compileExpression(text, where)] : [];
}
