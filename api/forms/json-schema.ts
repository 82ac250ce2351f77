import { z } from 'zod';
import type { DataNode, ValueNode } from './fields.js';
import type { FormRegistry, LoadedForm } from './registry.js';

type JsonSchema = Record<string, unknown>;

/**
 * The variables a form's answer sends, as a JSON schema (OpenAPI 3.1), from the same data tree
 * the server checks with: each field's type and limits, its label as title, its default; the
 * fields required whatever else is answered in `required`; a field hidden by a FEEL condition
 * carries it in `x-hide` and says so (hidden: not sent; shown: required as its form says). Pure.
 */
export function formJsonSchema(form: LoadedForm): JsonSchema {
  return { ...objectSchema(form.tree), title: form.key, 'x-form-key': form.key };
}

function objectSchema(nodes: readonly DataNode[]): JsonSchema {
  const properties = Object.fromEntries(nodes.map((node) => [node.key, node.kind === 'value' ? valueSchema(node) : nullable(objectSchema(node.children), node)]));
  const required = nodes.filter((node) => node.kind === 'value' && node.required && node.hides.length === 0 && node.component.defaultValue === undefined).map((node) => node.key);
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

function valueSchema(node: ValueNode): JsonSchema {
  const { $schema: _drop, ...schema } = z.toJSONSchema(node.schema, { unrepresentable: 'any' }) as JsonSchema;
  const { description, defaultValue } = node.component;
  const note = [description, hiddenNote(node), node.required && node.hides.length > 0 ? '显示时必填' : undefined].filter(Boolean).join('；');
  return { ...withOptions(schema, node), title: node.label, ...(note ? { description: note } : {}), ...(defaultValue !== undefined ? { default: defaultValue } : {}), ...hideOf(node) };
}

/** A field with fixed options lists each with its label (`oneOf` of `const` and `title`) rather than a bare enum. */
function withOptions(schema: JsonSchema, node: ValueNode): JsonSchema {
  const { type } = node.component;
  const values = type === 'radio' || type === 'select' || type === 'checklist' || type === 'taglist' ? node.component.values : undefined;
  if (!values) return schema;
  const options = values.map((o) => ({ const: o.value, title: o.label }));
  if (schema.type === 'array') return { ...schema, items: { oneOf: options } };
  const { enum: _bare, const: _one, type: _plain, ...rest } = schema;
  return { ...rest, oneOf: options };
}

function nullable(schema: JsonSchema, node: DataNode): JsonSchema {
  return { ...schema, type: ['object', 'null'], title: node.label, description: ['各项都不填时为 null', hiddenNote(node)].filter(Boolean).join('；'), ...hideOf(node) };
}

function hiddenNote(node: DataNode): string | undefined {
  return node.hides.length ? `当 ${node.hides.map((h) => h.text).join(' 或 ')} 时隐藏，不得提交` : undefined;
}

function hideOf(node: DataNode): JsonSchema {
  return node.hides.length ? { 'x-hide': node.hides.map((h) => `=${h.text}`) } : {};
}

/** Every form's schema, as OpenAPI components (`form.<key>`). Pure. */
export function formSchemas(forms: FormRegistry): Record<string, JsonSchema> {
  return Object.fromEntries(forms.keys().map((key) => [`form.${key}`, formJsonSchema(forms.get(key)!)]));
}
