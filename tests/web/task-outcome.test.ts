import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { formFor, outcomeKey } from '../../web/src/tasks/outcome.js';
import type { FormSchema } from '../../web/src/tasks/outcome.js';

const form = (key: string) => JSON.parse(readFileSync(new URL(`../../processes/forms/${key}.form`, import.meta.url), 'utf8')) as FormSchema;
const keys = (schema: FormSchema) => schema.components.map((c) => c.key ?? c.type);

describe('a step\'s outcome as buttons: 通过 / 不予通过', () => {
  test('a decision form\'s yes/no radio is its outcome; a form without one has none', () => {
    expect(outcomeKey(form('decision'))).toBe('approved');
    expect(outcomeKey(form('joint-review'))).toBe('approved');
    expect(outcomeKey(form('review'))).toBeUndefined();
  });

  test('before choosing and for 通过 the reasons are left out; for 不予通过 they are shown, still required', () => {
    const decision = form('decision');
    expect(keys(formFor(decision, 'approved', undefined))).toEqual(['opinion']);
    expect(keys(formFor(decision, 'approved', true))).toEqual(['opinion']);
    const refusing = formFor(decision, 'approved', false);
    expect(keys(refusing)).toEqual(['refusalReason', 'legalBasis', 'opinion']);
    expect(refusing.components[0]).not.toHaveProperty('conditional');
    expect(refusing.components[0]?.validate).toMatchObject({ required: true });
    expect(decision.components[1]?.conditional).toBeDefined();
  });
});
