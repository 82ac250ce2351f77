/**
 * A step's outcome as explicit buttons (通过 / 不予通过) instead of a radio in its form: the
 * form's yes/no field is taken out of what form-js draws, and the fields its `hide`
 * conditions tie to that answer (the reasons for a no) are shown or left out by the button
 * chosen. The server still checks the answer against the whole form. Pure functions.
 */

/** A form-js component, as much of it as this reads. */
export interface FormComponent {
  type: string;
  key?: string;
  values?: Array<{ label: string; value: unknown }>;
  conditional?: { hide?: string };
  components?: FormComponent[];
  [other: string]: unknown;
}
export interface FormSchema {
  components: FormComponent[];
  [other: string]: unknown;
}

/** The key of the form's yes/no decision (a radio of true and false), if it has one. */
export function outcomeKey(schema: FormSchema): string | undefined {
  return schema.components.find((c) => c.type === 'radio' && c.key !== undefined && c.values?.length === 2
    && c.values.some((v) => v.value === true) && c.values.some((v) => v.value === false))?.key;
}

/** Whether a condition reads the outcome (`=approved != false`). */
const readsOutcome = (component: FormComponent, key: string) => new RegExp(`\\b${key}\\b`).test(component.conditional?.hide ?? '');

/**
 * The form to draw for a chosen outcome: without the outcome field; the fields tied to the
 * outcome shown for a no (their condition dropped, their `required` kept) and left out for a
 * yes or before choosing.
 */
export function formFor(schema: FormSchema, key: string, outcome: boolean | undefined): FormSchema {
  const keep = (components: FormComponent[]): FormComponent[] => components.flatMap((c) => {
    if (c.key === key) return [];
    if (readsOutcome(c, key)) {
      if (outcome !== false) return [];
      const { conditional: _dropped, ...shown } = c;
      return [shown];
    }
    return [c.components ? { ...c, components: keep(c.components) } : c];
  });
  return { ...schema, components: keep(schema.components) };
}
