import type { Knex } from 'knex';
import type { Authority } from './authorities.js';
import { allAuthorities, insertAuthority } from './authorities.js';
import { allUnits } from './units.js';
import { ApiError } from '../http/errors.js';

type Problem = { field: string; problem: string };

/**
 * What would make an authority unusable on paper or in review: a unit that does not exist, a
 * vertical body without its superior (行政复议法 §27 names it), a second authority of the same
 * function in one unit (an item could not tell which decides), a 机关代字 taken already
 * (two series of document numbers would collide). Pure over the lists.
 */
export function authorityProblems(a: Authority, existing: readonly Authority[], unitIds: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (existing.some((x) => x.id === a.id)) problems.push({ field: 'id', problem: '编码已存在' });
  if (a.orgUnitId !== undefined && !unitIds.includes(a.orgUnitId)) problems.push({ field: 'orgUnitId', problem: '单位不存在' });
  if (a.orgUnitId === undefined && a.kind !== 'government' && a.kind !== 'vertical') problems.push({ field: 'orgUnitId', problem: '请填写所属单位（本平台以外的机关只登记上级人民政府或垂直管理的上级机关）' });
  if (a.kind === 'vertical' && a.orgUnitId !== undefined && !a.superiorId) problems.push({ field: 'superiorId', problem: '垂直管理的机关须填写上一级主管部门（行政复议法第二十七条）' });
  if (a.superiorId !== undefined && !existing.some((x) => x.id === a.superiorId)) problems.push({ field: 'superiorId', problem: '上级机关尚未登记' });
  if (a.orgUnitId !== undefined && existing.some((x) => x.orgUnitId === a.orgUnitId && x.sector === a.sector)) problems.push({ field: 'sector', problem: `本单位已有「${a.sector}」实施机关` });
  if (existing.some((x) => x.docCode === a.docCode)) problems.push({ field: 'docCode', problem: '机关代字已被其他机关使用' });
  return problems;
}

/** Registers an authority after checking it; every problem is named with its field. Not pure. */
export async function addAuthority(db: Knex, a: Authority): Promise<Authority> {
  const problems = authorityProblems(a, await allAuthorities(db), (await allUnits(db)).map((u) => u.id));
  if (problems.length > 0) throw new ApiError(400, 'AUTHORITY_INVALID', problems.map((p) => p.problem).join('；'), problems);
  await insertAuthority(db, a);
  return a;
}
