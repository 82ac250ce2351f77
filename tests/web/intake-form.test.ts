import { describe, expect, test } from '@jest/globals';
import { applicantOf, applicantProblems, draftOf, emptyApplicant, formOfDraft, missingOf, newForm, receivedOf } from '../../web/src/intake/intake-form.js';
import { acceptanceVariables } from '../../web/src/intake/acceptance.js';
import { items } from '../../processes/catalog/items.js';
import type { ServiceItem } from '../../web/src/api/types.js';

const permit = items.find((i) => i.name === '居住证核发') as unknown as ServiceItem;

describe('the intake form', () => {
  test('the applicant is checked by the server\'s own rules, field by field, before anything is sent', () => {
    expect(applicantProblems(emptyApplicant())).toEqual({ name: '请填写申请人姓名', idNumber: '请填写身份证号码', phone: '请填写有效的联系电话' });
    expect(applicantProblems({ ...emptyApplicant(), kind: 'company', name: '五金店', creditCode: '914403001922038217', phone: '0577-67221234' }))
      .toEqual({ creditCode: '校验位不符，请核对代码' });
    expect(applicantOf({ kind: 'person', name: ' 张丽华 ', idNumber: '11010519491231002x', creditCode: '', phone: '13800001234', address: '' }))
      .toEqual({ kind: 'person', name: '张丽华', idNumber: '11010519491231002X', phone: '13800001234' });
  });

  test('received and missing follow the checklist: an optional material not brought is not missing', () => {
    const states = { 居民身份证: 'received', 近期免冠彩色照片: 'received', 居住证明: 'missing' } as const;
    expect(receivedOf(permit, states)).toEqual(['居民身份证', '近期免冠彩色照片']);
    expect(missingOf(permit, states)).toEqual(['居住证明']);
    expect(missingOf(permit, {})).toEqual(['居民身份证', '近期免冠彩色照片', '居住证明']);
  });

  test('a draft keeps the item, what was typed and each material\'s state, but no file, and comes back as the same form', () => {
    const form = { ...newForm(), item: permit, applicant: { ...emptyApplicant(), name: '张丽华', phone: '138' }, materials: { 居民身份证: 'received' as const, 居住证明: undefined }, note: '回家取证明' };
    const draft = draftOf(form);
    expect(draft).toEqual({ itemCode: '000172002002', itemName: '居住证核发', applicant: { kind: 'person', name: '张丽华', phone: '138' }, materials: { 居民身份证: 'received' }, note: '回家取证明' });
    const back = formOfDraft({ id: form.draftId, updatedAt: 0, ...draft }, permit);
    expect(back).toMatchObject({ draftId: form.draftId, item: permit, applicant: { ...emptyApplicant(), name: '张丽华', phone: '138' }, materials: { 居民身份证: 'received' }, files: {} });
  });

  test('each outcome is the acceptance form the server checks: accept, list everything missing at once, or refuse with reason and basis', () => {
    expect(acceptanceVariables({ kind: 'accept' })).toEqual({ accepted: true, missingMaterials: [] });
    expect(acceptanceVariables({ kind: 'correct', missing: ['居住证明'], extra: [' 身份证已过期 ', ''] })).toEqual({ accepted: true, missingMaterials: ['居住证明', '身份证已过期'] });
    expect(acceptanceVariables({ kind: 'refuse', reason: ' 不属于本机关职权范围 ', legalBasis: '行政许可法第三十二条' }))
      .toEqual({ accepted: false, missingMaterials: [], refusalReason: '不属于本机关职权范围', legalBasis: '行政许可法第三十二条' });
  });
});
