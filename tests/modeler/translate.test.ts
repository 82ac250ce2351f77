import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { translate, zhTable } from '../../modeler/translate/zh.js';
import { PopupEntries } from 'bpmn-js/lib/features/popup-menu/PopupEntries.js';

type Target = { type: string; isExpanded?: boolean; triggeredByEvent?: boolean; isInterrupting?: boolean; cancelActivity?: boolean; eventDefinitionType?: string };

/**
 * The words the properties panel's header names an element of this kind with, made as the panel makes them
 * (bpmn-js-properties-panel's PanelHeaderProvider: the concrete type split into words, "(Non Interrupting)" last).
 */
function headerWords(target: Target): string {
  let type = target.type.split(':')[1]!;
  if (target.eventDefinitionType) {
    type = `${target.eventDefinitionType.split(':')[1]!.replace('EventDefinition', '')}${type}`;
    if (target.isInterrupting === false || target.cancelActivity === false) type = `${type}NonInterrupting`;
  } else if (/SubProcess$/.test(type) && type !== 'Transaction') {
    type = target.triggeredByEvent ? `Event${type}` : `${target.isExpanded === false ? 'Collapsed' : 'Expanded'}${type}`;
  }
  return type.replace(/(\B[A-Z])/g, ' $1').replace(/(\bNon Interrupting)/g, '($1)');
}

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

  test('the properties panel\'s header names every kind of element the menus offer in Chinese', () => {
    const kinds = Object.values(PopupEntries as Record<string, { target?: Target }>).flatMap((entry) => (entry.target ? [headerWords(entry.target)] : []));
    expect(kinds.length).toBeGreaterThan(40);
    expect(kinds.filter((words) => !(words in zhTable))).toEqual([]);
    expect(translate('User Task')).toBe('人工环节（用户任务）');
    expect(translate('Timer Boundary Event (Non Interrupting)')).toBe('定时边界事件（不中断）');
  });

  test('the 一窗 panel words and bpmn-js\'s placeholders come through', () => {
    expect(translate('Candidate groups')).toBe('候选岗位（组）');
    expect(translate('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '0' })).toBe('2 个错误，0 个提醒');
    expect(translate('一窗')).toBe('一窗');
  });
});
