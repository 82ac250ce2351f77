import type { Knex } from 'knex';
import type { CaseRecord } from '../cases/types.js';
import type { Authority } from '../org/authorities.js';
import { allUnits } from '../org/units.js';
import { findStaff } from '../org/staff.js';
import { printedDate } from '../cases/notice-data.js';

/** Staff ids of the clerks a notice names: 受理人 (who accepted) and 告知人 (who gave the notice). */
export interface NoticeParties {
  acceptedBy?: string;
  notifiedBy?: string;
}

/**
 * What every notice prints about who issues it and where: the deciding authority (at the top
 * and beside the seal), the centre as the place of handling — as the authority's agent (代为受理)
 * unless the authority is the centre's own government —, the receipt and acceptance dates side
 * by side, and the two clerks by name. Reads the units and staff; writes nothing.
 */
export async function letterheadOf(db: Knex, c: CaseRecord, authority: Authority, parties: NoticeParties): Promise<Record<string, unknown>> {
  const center = (await allUnits(db)).find((u) => u.id === c.orgUnitId);
  const asAgent = authority.orgUnitId !== c.orgUnitId;
  const nameOf = async (id: string | undefined) => (id ? (await findStaff(db, id))?.name : undefined);
  return {
    authority: { id: authority.id, name: authority.name },
    handledAt: `${center?.centerName ?? ''}${asAgent ? '（代为受理）' : ''}`,
    receivedDate: printedDate(c.receivedAt),
    ...(c.acceptedAt !== undefined ? { acceptedDate: printedDate(c.acceptedAt) } : {}),
    acceptedByName: await nameOf(parties.acceptedBy), notifiedByName: await nameOf(parties.notifiedBy),
  };
}
