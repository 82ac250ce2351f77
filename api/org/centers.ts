/**
 * The seed's rules for centers (三、(三) and (六)): standard names and classes by resident
 * population, with the floor area each class should have. Pure.
 */
import type { OrgUnit } from './units.js';

export type Level = 'county' | 'township' | 'village';
export type CenterClass = '一类' | '二类' | '三类' | '村级' | '县级';

/** An org unit's center as the rules see it, with the name of the unit above it (county for a township, township for a village). */
export type CenterFacts = Omit<OrgUnit, 'id' | 'parentId'> & { parentName?: string };

export interface CenterCheck {
  problems: Array<{ field: string; problem: string }>;
  warnings: string[];
}

/** 常住人口 10 万以上一类，5–10 万二类，其余三类；村（社区）中心不分类. */
export function classFor(level: Level, population: number | undefined): CenterClass {
  if (level === 'county') return '县级';
  if (level === 'village') return '村级';
  if ((population ?? 0) >= 100_000) return '一类';
  return (population ?? 0) >= 50_000 ? '二类' : '三类';
}

/** Floor area each class should have (一类约180、二类120以上、三类不少于60、村约50 m²). */
const minimumArea: Partial<Record<CenterClass, number>> = { 一类: 160, 二类: 120, 三类: 60, 村级: 45 };

/** The standard name: "xx县（市、区）xx乡镇（街道）行政服务中心" / "xx乡镇（街道）xx村（社区）便民服务中心". */
export function standardName(level: Level, name: string, parentName: string | undefined): string {
  if (level === 'county') return `${name}行政服务中心`;
  if (level === 'township') return `${parentName ?? ''}${name}行政服务中心`;
  return `${parentName ?? ''}${name}便民服务中心`;
}

export function checkCenter(facts: CenterFacts): CenterCheck {
  const problems: CenterCheck['problems'] = [];
  const warnings: string[] = [];
  const suffix = facts.level === 'township' ? /(乡|镇|街道)$/ : facts.level === 'village' ? /(村|社区)$/ : /(县|市|区)$/;
  if (!suffix.test(facts.name)) problems.push({ field: 'name', problem: `${facts.level === 'village' ? '村（社区）' : facts.level === 'township' ? '乡镇（街道）' : '县（市、区）'}名称应以 ${suffix.source.replace(/[()$]/g, '').split('|').join('、')} 结尾` });
  const expected = standardName(facts.level, facts.name, facts.parentName);
  if (facts.centerName !== expected) problems.push({ field: 'centerName', problem: `标牌名称应统一为「${expected}」` });
  const cls = classFor(facts.level, facts.population);
  if (facts.centerClass !== cls) problems.push({ field: 'centerClass', problem: `按常住人口 ${facts.population ?? 0} 人，应为${cls}` });
  const floor = minimumArea[cls];
  if (floor !== undefined && facts.areaM2 !== undefined && facts.areaM2 < floor) warnings.push(`${cls}中心服务场地面积 ${facts.areaM2} 平方米，低于要求（约 ${floor} 平方米以上）`);
  return { problems, warnings };
}
