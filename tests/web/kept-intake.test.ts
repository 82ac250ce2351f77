import { describe, expect, test } from '@jest/globals';
import { begun, emptyApplicant, newForm } from '../../web/src/intake/intake-form.js';
import { items } from '../../processes/catalog/items.js';
import type { ServiceItem } from '../../web/src/api/types.js';

const permit = items.find((i) => i.name === '居住证核发') as unknown as ServiceItem;

describe('an intake kept through a new sign-in', () => {
  test('is kept once the clerk has begun anything: an item, a typed field, a material\'s state or a note; a fresh form (or only the applicant kind) is not', () => {
    expect(begun(newForm())).toBe(false);
    expect(begun({ ...newForm(), applicant: { ...emptyApplicant(), kind: 'company' } })).toBe(false);
    expect(begun({ ...newForm(), applicant: { ...emptyApplicant(), name: '   ' } })).toBe(false);
    expect(begun({ ...newForm(), item: permit })).toBe(true);
    expect(begun({ ...newForm(), applicant: { ...emptyApplicant(), phone: '139' } })).toBe(true);
    expect(begun({ ...newForm(), materials: { 居住证明: 'missing' } })).toBe(true);
    expect(begun({ ...newForm(), materials: { 居住证明: undefined } })).toBe(false);
    expect(begun({ ...newForm(), note: '回家取证明' })).toBe(true);
  });
});
