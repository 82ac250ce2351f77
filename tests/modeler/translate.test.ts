import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { translate, zhTable } from '../../modeler/translate/zh.js';

const lib = (path: string) => readFile(new URL(`../../node_modules/bpmn-js/lib/features/${path}`, import.meta.url), 'utf8');
const strings = (source: string, pattern: RegExp) => [...source.matchAll(pattern)].map((m) => m[1]!);

/** Every string bpmn-js's palette, context pad and replace menu show: their translate('…') calls and the replace options' labels. */
async function shownByBpmnJs(): Promise<string[]> {
  const translated = /translate\(\s*'([^']+)'/g;
  const sources = await Promise.all(['palette/PaletteProvider.js', 'context-pad/ContextPadProvider.js', 'popup-menu/ReplaceMenuProvider.js'].map(lib));
  const labels = strings(await lib('replace/ReplaceOptions.js'), /label: '([^']+)'/g);
  return [...new Set([...sources.flatMap((s) => strings(s, translated)), ...labels])];
}

describe('the modeler in Chinese', () => {
  test('every string the palette, context pad and replace menu show has Chinese', async () => {
    const missing = (await shownByBpmnJs()).filter((text) => !(text in zhTable));
    expect(missing).toEqual([]);
  });

  test('the 一窗 panel words and bpmn-js\'s placeholders come through', () => {
    expect(translate('Candidate groups')).toBe('候选岗位（组）');
    expect(translate('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '0' })).toBe('2 个错误，0 个提醒');
    expect(translate('一窗')).toBe('一窗');
  });
});
