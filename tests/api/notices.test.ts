import { describe, expect, test } from '@jest/globals';
import { renderNotice } from '../../api/notices/render.js';
import { remedySentence, wordingOf } from '../../api/notices/wording.js';
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
      legalBasis: '《中华人民共和国土地管理法》第六十二条', decision: '不予许可',
      remedy: remedySentence({ type: '行政许可', complaintPhone: '12345' }, { document: '决定书', reviewBody: '永嘉县人民政府', authority: '永嘉县人民政府瓯北街道办事处' }),
    });
    expect(html).toContain('六十日内');
    expect(html).toContain('行政复议');
    expect(html).toContain('六个月内');
    expect(html).toContain('行政诉讼');
    expect(html).toContain('土地管理法');
  });

  test('a one-time notice lists everything missing at once', () => {
    const html = renderNotice('one-time', { applicant, itemName: '个体工商户设立登记', correctionBasis: wordingOf('行政许可').correctionBasis, missing: [{ name: '经营者身份证明' }, { name: '经营场所使用相关文件', note: '复印件' }] });
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain('行政许可法》第三十二条');
  });

  test('only a licence speaks of 不予许可 and 行政许可法; a public service answers with the complaint route, not review', () => {
    for (const type of ['行政确认', '行政给付', '其他行政权力', '公共服务'] as const) {
      expect([type, wordingOf(type).decision, wordingOf(type).correctionBasis]).toEqual([type, expect.not.stringContaining('许可'), expect.not.stringContaining('行政许可法')]);
    }
    expect([wordingOf('行政给付').decision, wordingOf('行政给付').refusalTitle]).toEqual(['不予给付', '不予给付决定书']);
    const service = remedySentence({ type: '公共服务', complaintPhone: '12345（政务服务便民热线）' }, { document: '告知书', authority: '永嘉县医疗保障局' });
    expect(service).toBe('如对本告知有异议，可以向永嘉县医疗保障局提出，或者拨打12345（政务服务便民热线）投诉。');
    const own = remedySentence({ type: '其他行政权力', complaintPhone: '12345', remedy: '可以请求上一级机关复查。' }, { document: '决定书', reviewBody: '永嘉县人民政府', authority: '永嘉县桥头镇人民政府' });
    expect(own).toBe('可以请求上一级机关复查。');
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
