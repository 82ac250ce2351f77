import type { Knex } from 'knex';
import { changedReference, referenceRows } from '../reference-cache.js';
import type { AuthorityRef, AuthoritySector } from '../../processes/catalog/types.js';
import type { OrgUnit } from './units.js';
import { centerOf, countyOf } from './units.js';

/**
 * What kind of body an authority is; the 行政复议 body follows from it (review-body.ts):
 * - government: a county or township people's government (人民政府);
 * - subdistrict-office: a 街道办事处, the county government's 派出机关;
 * - department: a working department of a county government (县公安局、县民政局 …);
 * - dispatched-office: a 派出机构 acting in its own name (a city bureau's county 分局);
 * - authorized-organization: an organization a law authorizes (法律援助机构);
 * - vertical: a body under vertical leadership (tax, customs, finance, foreign exchange, state security).
 * A 执法中队 or a 市场监管所 is none of these: it handles cases for its authority.
 */
export const AUTHORITY_KINDS = ['government', 'subdistrict-office', 'department', 'dispatched-office', 'authorized-organization', 'vertical'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

/** A deciding authority (实施机关): the notices of its items go out in its name, with its seal and document numbers. */
export interface Authority {
  id: string;
  name: string;
  kind: AuthorityKind;
  /** Its function, as items name it (AuthorityRef). */
  sector: AuthoritySector;
  /** The org unit it belongs to; none for a body above the platform's tree (the city's government, a superior tax bureau). */
  orgUnitId?: string;
  /** The body above it: a vertical body's 上一级主管部门; for a government at the top of the tree, the government above. */
  superiorId?: string;
  /** 机关代字, which starts its document numbers: 永综执 -> 永综执〔2026〕3号. */
  docCode: string;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toAuthority = (r: Row): Authority => ({
  id: r.id, name: r.name, kind: r.kind, sector: r.sector, docCode: r.doc_code,
  ...(r.org_unit_id ? { orgUnitId: r.org_unit_id } : {}), ...(r.superior_id ? { superiorId: r.superior_id } : {}),
});

export async function allAuthorities(db: Knex): Promise<Authority[]> {
  return (await referenceRows(db, 'yc_authorities')).map(toAuthority);
}

/** Stores an authority (checked by the caller: addAuthority). Not pure. */
export async function insertAuthority(db: Knex, a: Authority): Promise<void> {
  await db('yc_authorities').insert({
    id: a.id, name: a.name, kind: a.kind, sector: a.sector, org_unit_id: a.orgUnitId ?? null, superior_id: a.superiorId ?? null, doc_code: a.docCode,
  });
  changedReference(db, 'yc_authorities');
}

/**
 * The authority that decides an item for a case received at `unitId`: the one of the item's
 * function in the case's county, or in its township (a village case's township). Pure over the lists.
 */
export function decidingAuthority(authorities: readonly Authority[], units: readonly OrgUnit[], ref: AuthorityRef, unitId: string): Authority | undefined {
  const at = ref.level === 'county' ? countyOf(units, unitId) : centerOf(units, unitId);
  if (ref.level === 'township' && units.find((u) => u.id === at)?.level !== 'township') return undefined;
  return authorities.find((a) => a.orgUnitId === at && a.sector === ref.sector);
}
