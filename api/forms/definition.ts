import { z } from 'zod';

/**
 * The part of the form-js (@bpmn-io/form-js 1.23) schema the server reads: enough to know
 * each field's data, type, limits and when it is hidden. Other properties (layout, text,
 * placeholders …) pass through untouched for the pages. A component type the server cannot
 * check honestly (a file, a computed expression, a repeated list) is refused when the form is
 * loaded, not accepted unchecked.
 */

/** Data keys the server takes from a form: plain identifiers, never a prototype's name. */
const dataKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, '键名应为字母开头的字母、数字或下划线，不超过 64 个字符')
  .refine((key) => !['__proto__', 'constructor', 'prototype'].includes(key), '键名不能是 __proto__、constructor 或 prototype');

const feel = z.string().regex(/^=/, '条件应为以 = 开头的 FEEL 表达式');
const option = z.object({ label: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) });

const validate = z.object({
  required: z.boolean().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z.string().optional(),
  patternErrorMessage: z.string().optional(),
}).loose();

const base = {
  id: z.string().optional(),
  label: z.string().optional(),
  description: z.string().optional(),
  conditional: z.object({ hide: feel.optional() }).loose().optional(),
  disabled: z.boolean().optional(),
  readonly: z.union([z.boolean(), feel]).optional(),
};
const keyed = { ...base, key: dataKey, validate: validate.optional(), defaultValue: z.unknown().optional() };
const choices = { values: z.array(option).min(1).optional(), valuesKey: dataKey.optional() };

/** Fields that hold data, by type. */
export const textField = z.object({ ...keyed, type: z.enum(['textfield', 'textarea']) }).loose();
export const numberField = z.object({ ...keyed, type: z.literal('number'), decimalDigits: z.number().int().nonnegative().optional() }).loose();
export const checkboxField = z.object({ ...keyed, type: z.literal('checkbox') }).loose();
export const choiceField = z.object({ ...keyed, ...choices, type: z.enum(['radio', 'select']) }).loose();
export const multiChoiceField = z.object({ ...keyed, ...choices, type: z.enum(['checklist', 'taglist']) }).loose();
export const datetimeField = z.object({ ...keyed, type: z.literal('datetime'), subtype: z.enum(['date', 'time', 'datetime']).default('date') }).loose();

/** Components that show something and hold no data. */
const display = z.object({ ...base, type: z.enum(['text', 'html', 'image', 'spacer', 'separator', 'button']) }).loose();

export type FormComponent =
  | z.infer<typeof textField> | z.infer<typeof numberField> | z.infer<typeof checkboxField> | z.infer<typeof choiceField>
  | z.infer<typeof multiChoiceField> | z.infer<typeof datetimeField> | z.infer<typeof display> | FormGroup;

export interface FormGroup {
  type: 'group';
  id?: string;
  label?: string;
  /** Where the children's data sits: an object under this key; without it they sit beside the group's siblings. */
  path?: string;
  conditional?: { hide?: string };
  components: FormComponent[];
}

const supported = ['textfield', 'textarea', 'number', 'checkbox', 'radio', 'select', 'checklist', 'taglist', 'datetime', 'group', 'text', 'html', 'image', 'spacer', 'separator', 'button'];

const component: z.ZodType<FormComponent> = z.lazy(() => z.discriminatedUnion('type', [
  textField, numberField, checkboxField, choiceField, multiChoiceField, datetimeField, display,
  z.object({ ...base, type: z.literal('group'), path: dataKey.optional(), components: z.array(component) }).loose(),
], { error: (issue) => (issue.code === 'invalid_union' ? `组件类型应为以下之一：${supported.join('、')}（文件上传、计算字段、动态列表等暂不支持）` : undefined) })) as z.ZodType<FormComponent>;

/** A form as form-js saves it (`.form`): an id (the user task's formKey) and its components. */
export const formDefinition = z.object({
  id: dataKey.or(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/)),
  type: z.literal('default').optional(),
  schemaVersion: z.number().int().optional(),
  components: z.array(component),
}).loose();

export type FormDefinition = z.infer<typeof formDefinition>;
