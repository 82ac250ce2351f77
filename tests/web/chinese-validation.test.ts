import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inChinese } from '../../web/src/tasks/chinese-validation.js';

describe('form-js field problems are said in Chinese', () => {
  test.each([
    ['Field is required.', '此项必须填写'],
    ['Field must match pattern ^\\d{6}$.', '填写的格式不正确'],
    ['Field must have minimum value of 1.', '不能小于 1'],
    ['Field must have maximum value of 30.', '不能大于 30'],
    ['Field must have minimum length of 5.', '至少填写 5 个字'],
    ['Field must have maximum length of 200.', '最多填写 200 个字'],
    ['Field must be a valid  international phone number. (e.g. +4930664040900)', '请填写正确的电话号码'],
    ['Field must be a valid email.', '请填写正确的电子邮箱地址'],
    ['Value is not a number.', '请填写数字'],
    ['Value is expected to be an integer.', '请填写整数'],
    ['Value is expected to have at most 2 decimal digits.', '最多保留 2 位小数'],
    ['Please select a valid value, the two nearest valid values are 10 and 15.', '请填写有效的数值，最接近的是 10 和 15'],
  ])('%s → %s', (english, chinese) => {
    expect(inChinese(english)).toBe(chinese);
  });

  test('a form author\'s own message (already Chinese) passes as it is', () => {
    expect(inChinese('请填写不予通过的理由')).toBe('请填写不予通过的理由');
  });

  test('every message the installed form-js validator says comes out in Chinese (a new version with a new message fails here)', () => {
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve('@bpmn-io/form-js-viewer').replace(/index\.cjs$/, 'index.es.js'), 'utf8');
    const validator = source.slice(source.indexOf('class Validator'), source.indexOf('class Importer'));
    // Each message as form-js writes it, its values (`${…}`) made a number: quoted text and templates.
    const said = [...validator.matchAll(/errors\.push\((?:[\w.]+ \|\| )?(['`])((?:(?!\1).)+)\1\)/g)].map((m) => m[2]!.replace(/\$\{[^}]+\}/g, '7'));
    expect(said).toContain('Field is required.');
    expect(said.length).toBeGreaterThanOrEqual(11);
    for (const message of said) expect([message, inChinese(message)]).toEqual([message, expect.not.stringMatching(/[A-Za-z]{2,}/)]);
  });
});
