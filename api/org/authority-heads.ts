import type { Knex } from 'knex';
import type { ServiceItem } from '../../processes/catalog/types.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from '../cases/types.js';
import type { Authority } from './authorities.js';
import { allAuthorities } from './authorities.js';
import { caseAuthority } from '../cases/case-authority.js';
import { findItem } from '../catalog/catalog.js';

/** The candidate group of the approval of an extension (延期) in every mode's process. */
export const HEAD_GROUP = 'authority-head';

/**
 * The authority whose head approves an extension of a case (行政许可法 §42): the deciding
 * authority itself (经本行政机关负责人批准, ¶1); for a licence handled jointly under §26, the
 * people's government of its level (经本级人民政府负责人批准, ¶2), or the authority itself when
 * no such government is registered. Pure over the list.
 */
export function extensionApproverOf(authority: Authority, item: Pick<ServiceItem, 'mode' | 'type'>, authorities: readonly Authority[]): Authority {
  if (item.mode !== 'joint' || item.type !== '行政许可') return authority;
  const government = authorities.find((a) => a.orgUnitId === authority.orgUnitId && (a.kind === 'government' || a.kind === 'subdistrict-office'));
  return government ?? authority;
}

/** The approver of a case's extensions, if its authority is known. Reads the authorities and the item. */
export async function extensionApprover(db: Knex, record: CaseRecord): Promise<Authority | undefined> {
  const authority = await caseAuthority(db, record);
  const item = await findItem(db, record.itemCode);
  return authority && item ? extensionApproverOf(authority, item, await allAuthorities(db)) : authority;
}

/**
 * Whether a person approves the case's extensions: a head (role authority-head) of the
 * approving authority. The centre's director, who does not head it, does not. Reads only.
 */
export async function approvesExtensionsOf(db: Knex, staff: Staff, record: CaseRecord): Promise<boolean> {
  if (!staff.roles.includes(HEAD_GROUP) || !staff.authorityId) return false;
  return (await extensionApprover(db, record))?.id === staff.authorityId;
}
