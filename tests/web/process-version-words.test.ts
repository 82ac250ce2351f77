import { describe, expect, test } from '@jest/globals';
import { deployedWords, draftFormsWords, versionChangeWords } from '../../web/src/processes/words.js';

describe('what a version or a draft changed, in words', () => {
  test('a version made only for its forms says so, naming them; others say the diagram changed', () => {
    expect(versionChangeWords({ version: 3, formsOnly: true, changedForms: ['review'] })).toBe('只改了表单 「review」，流程图与第 2 版相同');
    expect(versionChangeWords({ version: 2, formsOnly: false, changedForms: ['review', 'accept'] })).toBe('流程图和表单 「review」、「accept」');
    expect(versionChangeWords({ version: 2, formsOnly: false, changedForms: [] })).toBe('流程图');
    expect(versionChangeWords({ version: 1, formsOnly: false, changedForms: [] })).toBe('首个版本');
  });

  test('the diff says when only forms changed and that deploying still makes a new version', () => {
    expect(draftFormsWords(0, [], 1)).toBe('');
    expect(draftFormsWords(0, ['review'], 1)).toMatch(/^流程图没有改动，只改了表单 「review」。发布后仍成为新版本/);
    expect(draftFormsWords(2, ['review'], 1)).toBe('另外改了表单 「review」。');
    expect(deployedWords({ version: 2, formsOnly: true, changedForms: ['review'] })).toContain('只改了表单 「review」');
    expect(deployedWords({ version: 2, formsOnly: false, changedForms: [] })).toBe('已发布为第 2 版：新收的办件按此版本办理');
  });
});
