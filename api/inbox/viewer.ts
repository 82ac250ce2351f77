import type { Knex } from 'knex';
import type { Staff } from '../auth/types.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { actingFor } from '../org/staff.js';
import { HEAD_GROUP } from '../org/authority-heads.js';

/**
 * Who is asking, as the inbox's queries scope by it: the units they see, the candidate groups
 * their roles answer for, the people they act for (themselves and every absent A post they
 * back up, AB岗), and the authority whose extensions they approve, if they head one.
 */
export interface Viewer {
  staff: Staff;
  unitId: string;
  visible: string[];
  groups: string[];
  people: string[];
  approves?: string;
}

/** The candidate groups a person's roles answer for (processes/index.ts names them). Pure. */
export function groupsOf(staff: Staff, level: string): Set<string> {
  const groups = new Set<string>();
  for (const role of staff.roles) {
    groups.add(role);
    if (role === 'reviewer' && level === 'county') groups.add('county-reviewer');
    if (role === 'reviewer' && staff.department) groups.add(`reviewer:${staff.department}`);
  }
  return groups;
}

/** Reads the org tree and the A/B posts once per request. */
export async function viewerOf(db: Knex, staff: Staff): Promise<Viewer> {
  const units = await allUnits(db);
  const level = units.find((u) => u.id === staff.orgUnitId)?.level ?? 'village';
  return {
    staff, unitId: staff.orgUnitId, visible: unitAndBelow(units, staff.orgUnitId), groups: [...groupsOf(staff, level)], people: await actingFor(db, staff),
    ...(staff.roles.includes(HEAD_GROUP) && staff.authorityId ? { approves: staff.authorityId } : {}),
  };
}
