import { z } from 'zod';
import type { checkboxField, choiceField, datetimeField, multiChoiceField, numberField, textField } from './definition.js';

export type KeyedComponent =
  | z.infer<typeof textField> | z.infer<typeof numberField> | z.infer<typeof checkboxField>
  | z.infer<typeof choiceField> | z.infer<typeof multiChoiceField> | z.infer<typeof datetimeField>;

/**
 * Caps for what a form leaves open, so no field takes unbounded input: text without a
 * maxLength, and options filled in by the page (`valuesKey`), which the server cannot list.
 */
export const LIMITS = { textfield: 1000, textarea: 4000, option: 200, options: 50 } as const;

/**
 * The schema of a value a field holds when one is given (absence and `required` are the
 * validator's business), from the component as form-js describes it: its type, its options
 * and its `validate` limits, with form-js's meanings (lengths of the trimmed text, `min` and
 * `max` of numbers, `decimalDigits: 0` for whole numbers). Pure.
 */
export function valueSchema(component: KeyedComponent): z.ZodType {
  switch (component.type) {
    case 'textfield':
    case 'textarea': return text(component);
    case 'number': return number(component);
    case 'checkbox': return z.boolean();
    case 'radio':
    case 'select': return choice(component);
    case 'checklist':
    case 'taglist': return z.array(choice(component)).max(component.values?.length ?? LIMITS.options);
    case 'datetime': return datetime(component.subtype);
  }
}

function text(component: z.infer<typeof textField>): z.ZodType {
  const { minLength, maxLength, pattern, patternErrorMessage } = component.validate ?? {};
  let schema = z.string().trim().max(maxLength ?? LIMITS[component.type]);
  if (minLength) schema = schema.min(minLength);
  if (pattern) schema = schema.regex(new RegExp(pattern), patternErrorMessage ?? `格式不符合要求（${pattern}）`);
  return schema;
}

function number(component: z.infer<typeof numberField>): z.ZodType {
  const { min, max } = component.validate ?? {};
  let schema = component.decimalDigits === 0 ? z.number().int() : z.number();
  if (min !== undefined) schema = schema.min(min);
  if (max !== undefined) schema = schema.max(max);
  if (component.decimalDigits) schema = schema.refine((n) => decimals(n) <= component.decimalDigits!, `最多 ${component.decimalDigits} 位小数`);
  return schema;
}

const decimals = (n: number): number => (String(n).split('.')[1] ?? '').length;

/** One of the form's options; options the page fills in are text of a sane length. */
function choice(component: z.infer<typeof choiceField> | z.infer<typeof multiChoiceField>): z.ZodType {
  const values = component.values?.map((o) => o.value);
  if (!values) return z.string().trim().min(1).max(LIMITS.option);
  const labels = component.values!.map((o) => o.label).join('、');
  return z.literal(values as [string | number | boolean, ...Array<string | number | boolean>], { error: `只能选：${labels}` });
}

function datetime(subtype: 'date' | 'time' | 'datetime'): z.ZodType {
  if (subtype === 'date') return z.iso.date({ error: '应为日期，如 2026-03-02' });
  if (subtype === 'time') return z.iso.time({ error: '应为时间，如 09:30' });
  return z.iso.datetime({ offset: true, local: true, error: '应为日期时间，如 2026-03-02T09:30' });
}
