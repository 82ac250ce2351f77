import type { Staff } from '../auth/types.js';
import { HEAD_GROUP } from './authority-heads.js';

/**
 * Which extensions a person may list: all those of their units for a director, supervisor or
 * auditor; for someone who only heads an authority, those their authority approves (the
 * approver each request names, api/cases/extension-store.ts); for anyone else, none. Pure.
 */
export function extensionApproverFilter(staff: Staff): { approver?: string } {
  if (staff.roles.some((r) => r === 'director' || r === 'supervisor' || r === 'auditor')) return {};
  return { approver: staff.roles.includes(HEAD_GROUP) && staff.authorityId ? staff.authorityId : '' };
}
