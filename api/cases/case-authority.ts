import type { Knex } from 'knex';
import type { ServiceItem } from '../../processes/catalog/types.js';
import type { CaseRecord } from './types.js';
import type { Authority } from '../org/authorities.js';
import { allAuthorities, decidingAuthority } from '../org/authorities.js';
import { allUnits } from '../org/units.js';
import { findItem } from '../catalog/catalog.js';
import { ApiError } from '../http/errors.js';

const levelName = { county: '县', township: '乡镇（街道）' } as const;

/**
 * The authority that will decide a case received at `unitId`, fixed at intake so that the
 * notices, the review body and the extension's approver stay those of the day it was received.
 * A county without that authority registered gets a clear refusal: notices in nobody's name
 * are worse than none.
 */
export async function authorityForIntake(db: Knex, item: ServiceItem, unitId: string): Promise<Authority> {
  const found = decidingAuthority(await allAuthorities(db), await allUnits(db), item.authority, unitId);
  if (found) return found;
  const wanted = `${levelName[item.authority.level]}${item.authority.sector === '人民政府' ? '人民政府（街道办事处）' : `「${item.authority.sector}」部门`}`;
  throw new ApiError(422, 'AUTHORITY_NOT_REGISTERED', `「${item.name}」由${wanted}实施，但本地尚未登记该实施机关，请管理员先在实施机关名录中登记`, [{ field: 'itemCode', problem: `未登记实施机关：${wanted}` }]);
}

/** The case's deciding authority: the one fixed at intake, or for a case from before, the one its item names now. */
export async function caseAuthority(db: Knex, c: CaseRecord): Promise<Authority | undefined> {
  const authorities = await allAuthorities(db);
  if (c.authorityId) return authorities.find((a) => a.id === c.authorityId);
  const item = await findItem(db, c.itemCode);
  return item ? decidingAuthority(authorities, await allUnits(db), item.authority, c.orgUnitId) : undefined;
}
