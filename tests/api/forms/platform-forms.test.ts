import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import '../../../api/zod-locale.js';
import { platformForms } from '../../../api/forms/registry.js';
import { processFiles, processFileUrl } from '../../../processes/index.js';

const NOW = Date.parse('2026-03-02T09:00:00+08:00');
const forms = platformForms();

/** The fields an answer is refused for, or the variables it gives. */
function answer(formKey: string, input: unknown): Record<string, unknown> | string[] {
  try {
    return forms.answer(formKey, input, { now: NOW });
  } catch (err) {
    return (err as { fields: Array<{ field: string; problem: string }> }).fields.map((f) => `${f.field}: ${f.problem}`);
  }
}

describe('the platform\'s forms (processes/forms) hold the rules the steps have always had', () => {
  test('every formKey the processes name has its form-js file, and every form is named by some process', () => {
    const named = new Set(processFiles.flatMap((file) => [...readFileSync(processFileUrl(file.file), 'utf8').matchAll(/formKey="([^"]+)"/g)].map((m) => m[1]!)));
    expect([...named].sort()).toEqual(forms.keys());
  });

  test('acceptance: accepted as it stands, with missing materials listed, or refused with reasons and legal basis', () => {
    expect(answer('acceptance', { accepted: true })).toEqual({ accepted: true, missingMaterials: [] });
    expect(answer('acceptance', { accepted: true, missingMaterials: ['近期免冠彩色照片'] })).toEqual({ accepted: true, missingMaterials: ['近期免冠彩色照片'] });
    expect(answer('acceptance', { accepted: false, missingMaterials: ['居住证明'] })).toEqual({ accepted: false, missingMaterials: ['居住证明'] });
    expect(answer('acceptance', { accepted: false })).toEqual(['refusalReason: 请填写「不予受理的理由」', 'legalBasis: 请填写「法律依据」']);
    expect(answer('acceptance', { accepted: false, refusalReason: '不属于本中心受理范围', legalBasis: '《行政许可法》第三十二条' })).toMatchObject({ accepted: false, refusalReason: '不属于本中心受理范围' });
    expect(answer('acceptance', { accepted: false, refusalReason: '否', legalBasis: '《行政许可法》第三十二条' })).toEqual(['refusalReason: 「不予受理的理由」至少 2 个字']);
    expect(answer('acceptance', { accepted: true, missingMaterials: Array.from({ length: 51 }, (_, i) => `材料${i}`) })).toEqual(['missingMaterials: 「需补正的材料（一次性告知）」最多 50 项']);
    expect(answer('acceptance', { accepted: true, missingMaterials: ['x'.repeat(201)] })).toEqual(['missingMaterials.0: 「需补正的材料（一次性告知）」最多 200 个字']);
    expect(answer('acceptance', {})).toEqual(['accepted: 请选择「受理意见」']);
  });

  test('decisions and reviews: a refusal needs reasons and legal basis, which an approval does not take', () => {
    for (const key of ['decision', 'county-decision', 'joint-review']) {
      expect([key, answer(key, { approved: true })]).toEqual([key, { approved: true }]);
      expect([key, answer(key, { approved: false })]).toEqual([key, ['refusalReason: 请填写「不予的理由」', 'legalBasis: 请填写「法律依据」'].map((p) => (key === 'joint-review' ? p.replace('不予的理由', '不同意的理由') : p))]);
      expect([key, answer(key, { approved: true, refusalReason: '占用基本农田' })]).toEqual([key, [`refusalReason: 「${key === 'joint-review' ? '不同意的理由' : '不予的理由'}」此时不适用，请不要填写`]]);
    }
    // A refused answer is reported once: the fields it would show or hide are not judged until it is fixed.
    expect(answer('decision', { approved: 'yes' })).toEqual(['approved: 「审查决定」只能选：准予、不予']);
    expect(answer('decision', { approved: true, opinion: '材料齐全，符合条件' })).toEqual({ approved: true, opinion: '材料齐全，符合条件' });
    expect(answer('decision', { approved: true, countyOpinion: '准予' })).toEqual(['countyOpinion: 表单中没有「countyOpinion」这一项，请删去']);
    expect(answer('county-decision', { approved: true, countyOpinion: '准予' })).toEqual({ approved: true, countyOpinion: '准予' });
    expect(answer('initial-review', { initialApproved: true })).toEqual(['initialOpinion: 请填写「初审意见」']);
    expect(answer('county-review', { countyOpinion: '同意' })).toEqual({ countyOpinion: '同意' });
    expect(answer('rejection-review', { refusalUpheld: false, opinion: '理由不充分' })).toEqual({ refusalUpheld: false, opinion: '理由不充分' });
  });

  test('review: the special procedure is {name, days} or null, from the procedures the law knows, for 1 to 90 days', () => {
    expect(answer('review', { opinion: '同意' })).toEqual({ opinion: '同意', specialProcedure: null });
    expect(answer('review', { specialProcedure: null })).toEqual({ specialProcedure: null });
    expect(answer('review', { specialProcedure: { name: '公示', days: 7 } })).toEqual({ specialProcedure: { name: '公示', days: 7 } });
    expect(answer('review', { specialProcedure: { name: '公示' } })).toEqual(['specialProcedure.days: 请填写「所需天数」']);
    expect(answer('review', { specialProcedure: { name: '公示', days: 91 } })).toEqual(['specialProcedure.days: 「所需天数」不能大于 90']);
    expect(answer('review', { specialProcedure: { name: '公示', days: 1.5 } })).toEqual(['specialProcedure.days: 「所需天数」应为整数，收到的是数字']);
    expect(answer('review', { specialProcedure: { name: '座谈', days: 3 } })).toEqual(['specialProcedure.name: 「特别程序」只能选：公示、听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审、现场勘察']);
    expect(answer('review', { specialProcedure: '公示' })).toEqual(['specialProcedure: 「特别程序（需要时填写）」应为对象（{ … }）或 null']);
  });

  test('the window\'s other steps: refusal notified in writing by default, correction lists what came, answers and opinions within their lengths', () => {
    expect(answer('refusal', {})).toEqual({ notifiedInWriting: true });
    expect(answer('refusal', { notifiedInWriting: true, refusalReason: '拟建房屋位于永久基本农田保护范围内' })).toEqual({ notifiedInWriting: true, refusalReason: '拟建房屋位于永久基本农田保护范围内' });
    expect(answer('correction', { correctedMaterials: [] })).toEqual(['correctedMaterials: 请选择「本次补交的材料」']);
    expect(answer('coordination', {})).toEqual(['answer: 请填写「答复内容」']);
    expect(answer('special-procedure', { outcome: '公示期满无异议' })).toEqual({ outcome: '公示期满无异议' });
    expect(answer('extension-decision', { extensionApproved: true, extensionOpinion: 'x'.repeat(1001) })).toEqual(['extensionOpinion: 「审批意见」最多 1000 个字']);
    expect(answer('extension-decision', { extensionApproved: true, extensionOpinion: ' 同意 ' })).toEqual({ extensionApproved: true, extensionOpinion: '同意' });
  });
});
