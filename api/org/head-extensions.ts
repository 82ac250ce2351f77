import type { Knex } from 'knex';
import type { Staff } from '../auth/types.js';
import type { Extension } from '../cases/extension-store.js';
import { findCase } from '../cases/repository.js';
import { approvesExtensionsOf } from './authority-heads.js';

/**
 * The extensions a person may list: all those of their units for a director, supervisor or
 * auditor; for someone who only heads an authority, those their authority approves. Reads only.
 */
export async function extensionsVisibleTo(db: Knex, staff: Staff, extensions: readonly Extension[]): Promise<Extension[]> {
  if (staff.roles.some((r) => r === 'director' || r === 'supervisor' || r === 'auditor')) return [...extensions];
  const out: Extension[] = [];
  for (const e of extensions) {
    const record = await findCase(db, e.caseId);
    if (record && (await approvesExtensionsOf(db, staff, record))) out.push(e);
  }
  return out;
}
