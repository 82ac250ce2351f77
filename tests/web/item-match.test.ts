import { describe, expect, test } from '@jest/globals';
import { findItems } from '../../web/src/intake/item-match.js';
import { items } from '../../processes/catalog/items.js';

const names = (query: string) => findItems(items, query).map((i) => i.name);

describe('finding an item at the window by name, code, pinyin or pinyin initials', () => {
  test('hjdj (户籍登记) finds the 户籍 window\'s registrations, and nothing far-fetched', () => {
    expect(names('hjdj')).toEqual(['出生登记', '死亡注销户口登记']);
  });

  test('the initials of 出生登记 find it first, also with a letter more (cszdj: 出生证登记) and as full pinyin', () => {
    expect(names('csdj')[0]).toBe('出生登记');
    expect(names('cszdj')[0]).toBe('出生登记');
    expect(names('CSDJ')[0]).toBe('出生登记');
    expect(names('chushengdj')[0]).toBe('出生登记');
  });

  test('Chinese text finds names containing it; digits find codes; nonsense finds nothing; no query lists all', () => {
    expect(names('居住')).toEqual(['流动人口居住登记', '居住证核发']);
    expect(names('000172002')).toEqual(['流动人口居住登记', '居住证核发']);
    expect(names('xqzv')).toEqual([]);
    expect(names('  ')).toHaveLength(items.length);
  });
});
