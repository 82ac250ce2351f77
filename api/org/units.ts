import type { Knex } from 'knex';
import { changedReference, referenceRows } from '../reference-cache.js';
import type { CenterClass, Level } from './centers.js';
import { checkCenter } from './centers.js';
import { ApiError } from '../http/errors.js';
import { MAX_UNIT_ID_LENGTH } from '../cases/case-numbers.js';

export interface OrgUnit {
  id: string;
  parentId?: string;
  level: Level;
  name: string;
  centerName: string;
  centerClass: CenterClass;
  population?: number;
  areaM2?: number;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toUnit = (row: Row): OrgUnit => ({
  id: row.id, ...(row.parent_id ? { parentId: row.parent_id } : {}), level: row.level, name: row.name,
  centerName: row.center_name, centerClass: row.center_class,
  ...(row.population !== null ? { population: row.population } : {}), ...(row.area_m2 !== null ? { areaM2: row.area_m2 } : {}),
});

export async function allUnits(db: Knex): Promise<OrgUnit[]> {
  return (await referenceRows(db, 'yc_org_units')).map(toUnit);
}

const parentLevel: Record<Level, Level | undefined> = { county: undefined, township: 'county', village: 'township' };

/** Adds a unit after checking its place in the tree and its center's standard name and class. */
export async function addUnit(db: Knex, unit: OrgUnit): Promise<{ warnings: string[] }> {
  if (unit.id.length > MAX_UNIT_ID_LENGTH) {
    const problem = `单位编码最长 ${MAX_UNIT_ID_LENGTH} 位（办件编号由单位编码、日期和流水号组成，须能存下），现为 ${unit.id.length} 位`;
    throw new ApiError(422, 'UNIT_ID_TOO_LONG', problem, [{ field: 'id', problem }]);
  }
  if (await db('yc_org_units').where({ id: unit.id }).first()) throw new ApiError(409, 'UNIT_EXISTS', `单位编码 ${unit.id} 已被使用`, [{ field: 'id', problem: '编码已存在' }]);
  const parent = unit.parentId ? await db('yc_org_units').where({ id: unit.parentId }).first() : undefined;
  if (parentLevel[unit.level] !== (parent?.level as Level | undefined)) {
    throw new ApiError(400, 'ORG_UNIT_INVALID', `${unit.level} 的上级应为 ${parentLevel[unit.level] ?? '（无）'}`, [{ field: 'parentId', problem: '上级单位层级不符' }]);
  }
  const check = checkCenter({ ...unit, parentName: parent?.name });
  if (check.problems.length > 0) throw new ApiError(400, 'ORG_UNIT_INVALID', check.problems.map((p) => p.problem).join('；'), check.problems);
  await db('yc_org_units').insert({
    id: unit.id, parent_id: unit.parentId ?? null, level: unit.level, name: unit.name, center_name: unit.centerName,
    center_class: unit.centerClass, population: unit.population ?? null, area_m2: unit.areaM2 ?? null,
  });
  changedReference(db, 'yc_org_units');
  return { warnings: check.warnings };
}

/** A unit and everything below it: what a person placed there may see. Pure over the list. */
export function unitAndBelow(units: readonly OrgUnit[], id: string): string[] {
  const below = [id];
  for (let i = 0; i < below.length; i++) for (const u of units) if (u.parentId === below[i]) below.push(u.id);
  return below;
}

/**
 * The centre that handles a unit's back-office steps: a village's township (its centre has
 * only a window), else the unit itself. Pure over the list.
 */
export function centerOf(units: readonly OrgUnit[], id: string): string {
  const unit = units.find((u) => u.id === id);
  return unit?.level === 'village' && unit.parentId ? unit.parentId : id;
}

/** The county a unit lies in (itself for the county). Pure over the list. */
export function countyOf(units: readonly OrgUnit[], id: string): string {
  let unit = units.find((u) => u.id === id);
  while (unit && unit.level !== 'county' && unit.parentId) unit = units.find((u) => u.id === unit!.parentId);
  return unit?.id ?? id;
}
