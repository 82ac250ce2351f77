import type { Authority } from './authorities.js';
import type { OrgUnit } from './units.js';

/**
 * 行政复议机关: where the applicant may ask for review of an authority's decision, by
 * 《中华人民共和国行政复议法》 as revised in 2023 (in force 2024-01-01):
 * - §24 ¶1(1): a county government's working department -> that county's people's government;
 * - §24 ¶1(2): a township government -> the people's government one level up (the county);
 *   a county government likewise -> the government above it (its `superiorId`);
 * - §24 ¶1(3): a 派出机关 of a county government (街道办事处) -> the government that set it up;
 * - §24 ¶1(4): an organization authorized by law and managed by a government or its department -> that government;
 * - §24 ¶4: a department's 派出机构 acting in its own name -> the department's government; for a
 *   city department's office set up by district, also the government where it sits, which is
 *   the one the platform's tree knows and prints;
 * - §27: bodies under vertical leadership (customs, finance, foreign exchange), tax and state
 *   security -> the superior competent department (上一级主管部门).
 * The 2023 revision dropped the former choice of the department one level up for a county
 * department (old §12): only the government reviews it now.
 * Undefined when the data do not say (no government registered for the unit, no superior):
 * the caller must stop rather than print a wrong body. Pure.
 */
export function reviewBodyOf(a: Authority, authorities: readonly Authority[], units: readonly OrgUnit[]): Authority | undefined {
  const byId = (id: string | undefined) => authorities.find((x) => x.id === id);
  const governmentOf = (unitId: string | undefined) => authorities.find((x) => x.orgUnitId === unitId && unitId !== undefined && (x.kind === 'government' || x.kind === 'subdistrict-office'));
  const parentOf = (unitId: string | undefined) => units.find((u) => u.id === unitId)?.parentId;
  switch (a.kind) {
    case 'vertical': return byId(a.superiorId);
    case 'department': case 'authorized-organization': case 'dispatched-office': return governmentOf(a.orgUnitId);
    case 'subdistrict-office': return governmentOf(parentOf(a.orgUnitId));
    case 'government': return parentOf(a.orgUnitId) ? governmentOf(parentOf(a.orgUnitId)) : byId(a.superiorId);
  }
}
