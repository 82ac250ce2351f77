import { describe, expect, test } from '@jest/globals';
import { renderNotice } from '../../api/notices/render.js';
import { idNumberProblem } from '../../api/validation/id-number.js';

const applicant = { name: '王芳<script>', phone: '13800000000' };

describe('notices', () => {
  test('an acceptance notice states the promised date, the statutory limit and the materials received', () => {
    const html = renderNotice('acceptance', {
      applicant, itemName: '居住证申领', receivedDate: '2026年2月10日', promisedDays: 20, promisedDate: '2026年3月16日',
      statutoryDays: 30, materials: [{ name: '居民身份证', copies: 1, original: true }], clerkName: '李明', caseId: 'YJ-1',
      centerName: '永嘉县瓯北街道行政服务中心', date: '2026年2月10日', complaintPhone: '12345', number: '永瓯受〔2026〕1号',
    });
    expect(html).toContain('<h1>受理通知书</h1>');
    expect(html).toContain('2026年3月16日');
    expect(html).toContain('居民身份证');
    expect(html).toContain('王芳&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  test('a refusal decision names the reasons, the legal basis and both remedies with their time limits', () => {
    const html = renderNotice('refusal-decision', {
      applicant, itemName: '农村宅基地审批', caseId: 'YJ-2', receivedDate: '2026年3月2日', reason: '不符合“一户一宅”规定',
      legalBasis: '《中华人民共和国土地管理法》第六十二条', reviewAuthority: '永嘉县人民政府', supervisionBody: '县审管办',
    });
    expect(html).toContain('六十日内');
    expect(html).toContain('行政复议');
    expect(html).toContain('六个月内');
    expect(html).toContain('行政诉讼');
    expect(html).toContain('土地管理法');
  });

  test('a one-time notice lists everything missing at once', () => {
    const html = renderNotice('one-time', { applicant, itemName: '出生登记', missing: [{ name: '出生医学证明' }, { name: '父母结婚证', note: '复印件' }] });
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain('第三十二条');
  });
});

describe('ID numbers', () => {
  test('a valid number passes and each kind of typo is named', () => {
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
    expect(idNumberProblem('110105194912310021')).toBe('校验位不符，请核对号码');
    expect(idNumberProblem('110105194902300020')).toContain('出生日期');
    expect(idNumberProblem('12345')).toContain('18 位');
  });
});
