import { describe, expect, test } from '@jest/globals';
import { demoAuthorities, demoUnits } from '../../api/seed/demo-county.js';
import { reviewBodyOf } from '../../api/org/review-body.js';
import { authorityProblems } from '../../api/org/add-authority.js';
import { decidingAuthority } from '../../api/org/authorities.js';

const named = (id: string) => demoAuthorities.find((a) => a.id === id)!;
const reviewOf = (id: string, authorities = demoAuthorities) => reviewBodyOf(named(id), authorities, demoUnits)?.name;

describe('the 行政复议 body follows from the deciding authority and the org units (行政复议法 2023 §24, §27)', () => {
  test('a county department, a 派出机构, an authorized organization, a 街道办事处 and a township government: the county government; the county government: the city\'s; tax: the superior tax bureau', () => {
    expect(['yj-enforce', 'yj-civil', 'yj-eco', 'yj-legal-aid', 'ob-office', 'qt-gov'].map((id) => reviewOf(id))).toEqual(Array(6).fill('永嘉县人民政府'));
    expect(reviewOf('yj-gov')).toBe('温州市人民政府');
    expect(reviewOf('yj-tax')).toBe('国家税务总局温州市税务局');
  });

  test('when the data do not name the body (no county government registered), there is none rather than a guess', () => {
    expect(reviewOf('yj-enforce', demoAuthorities.filter((a) => a.id !== 'yj-gov'))).toBeUndefined();
  });

  test('an item\'s authority is the one of its function in the case\'s county or township; a village case\'s township is its parent', () => {
    expect(decidingAuthority(demoAuthorities, demoUnits, { level: 'county', sector: '综合行政执法' }, '330324-ob-ma')?.id).toBe('yj-enforce');
    expect(decidingAuthority(demoAuthorities, demoUnits, { level: 'township', sector: '人民政府' }, '330324-ob-ma')?.id).toBe('ob-office');
    expect(decidingAuthority(demoAuthorities, demoUnits, { level: 'township', sector: '人民政府' }, '330324')).toBeUndefined();
  });

  test('registering an authority names every problem: a vertical body in the tree without its superior, a function taken in the unit, a 机关代字 taken', () => {
    const problems = authorityProblems({ id: 'yj-customs', name: '永嘉海关', kind: 'vertical', sector: '综合行政执法', orgUnitId: '330324', docCode: '永综执' }, demoAuthorities, demoUnits.map((u) => u.id));
    expect(problems.map((p) => p.field)).toEqual(['superiorId', 'sector', 'docCode']);
  });
});
