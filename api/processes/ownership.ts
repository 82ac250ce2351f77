import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Deployment, Engine } from '../../engine/index.js';
import { logSecurityEvent } from '../audit/security-log.js';

/** A process file as the platform tracks it: what the code last shipped, and whether an administrator took it over. */
export interface ProcessSource {
  name: string;
  shippedChecksum: string;
  changedBy?: string;
  changedAt?: number;
}

export function checksumOf(xml: string): string {
  return createHash('sha256').update(xml).digest('hex');
}

export async function processSource(db: Knex, name: string): Promise<ProcessSource | undefined> {
  const row = await db('yc_process_sources').where({ name }).first();
  if (!row) return undefined;
  return { name: row.name, shippedChecksum: row.shipped_checksum, ...(row.changed_by ? { changedBy: row.changed_by } : {}), ...(row.changed_at ? { changedAt: Number(row.changed_at) } : {}) };
}

/**
 * Records every version a deployment made, with who deployed it (none: shipped with the
 * platform). A duplicate deployment made no version and records nothing. Not pure.
 */
export async function recordVersions(db: Knex, deployment: Deployment, by: string | undefined, at: number): Promise<void> {
  if (deployment.duplicate) return;
  for (const p of deployment.processes) {
    const exists = await db('yc_process_versions').where({ process_id: p.processId, version: p.version }).first();
    // Another api process starting at the same time may record it first.
    if (!exists) await db('yc_process_versions').insert({ process_id: p.processId, version: p.version, source_name: deployment.name, deployed_by: by ?? null, deployed_at: at }).onConflict(['process_id', 'version']).ignore();
  }
}

/** Marks a file as the administrators': from now on a start of the platform never deploys over it. */
export async function takeOver(db: Knex, name: string, by: string, at: number): Promise<void> {
  const updated = await db('yc_process_sources').where({ name }).update({ changed_by: by, changed_at: at });
  if (updated === 0) await db('yc_process_sources').insert({ name, shipped_checksum: '', changed_by: by, changed_at: at });
}

export type ShippedOutcome = 'deployed' | 'unchanged' | 'offered' | 'kept';

/**
 * A shipped process file at a start of the platform. New, or never changed by an
 * administrator: deployed (the engine makes no version for the same XML). Changed by an
 * administrator: theirs stays; a shipped file that differs from the one last shipped is
 * offered as a draft (新版本待审核), never deployed over theirs. Not pure.
 */
export async function deployShipped(db: Knex, engine: Engine, file: { name: string; xml: string; processId: string }): Promise<ShippedOutcome> {
  const checksum = checksumOf(file.xml);
  const source = await processSource(db, file.name);
  const now = engine.clock.now();
  if (!source?.changedBy) {
    const deployment = await engine.deploy(file.xml, { name: file.name });
    await recordVersions(db, deployment, undefined, now);
    // A new version of a process changes how every later case runs: the auditors' log says when it came.
    if (!deployment.duplicate) {
      await logSecurityEvent(db, { at: now, action: 'process-deployed', detail: { name: deployment.name, key: deployment.key, processes: deployment.processes.map((p) => ({ id: p.processId, version: p.version })) } });
    }
    if (source) await db('yc_process_sources').where({ name: file.name }).update({ shipped_checksum: checksum });
    else await db('yc_process_sources').insert({ name: file.name, shipped_checksum: checksum }).onConflict('name').ignore();
    return deployment.duplicate ? 'unchanged' : 'deployed';
  }
  if (source.shippedChecksum === checksum || !(await offerShipped(db, file, now))) return 'kept';
  await db('yc_process_sources').where({ name: file.name }).update({ shipped_checksum: checksum });
  return 'offered';
}

/**
 * The shipped file as a draft to review. An administrator's own draft is not overwritten: the
 * offer waits for a start after theirs is deployed or dropped (false: not offered yet).
 */
async function offerShipped(db: Knex, file: { name: string; xml: string; processId: string }, at: number): Promise<boolean> {
  const draft = await db('yc_process_drafts').where({ process_id: file.processId }).first();
  if (draft && draft.origin === 'administrator') return false;
  const row = { source_name: file.name, xml: file.xml, origin: 'shipped', updated_by: null, updated_at: at };
  if (draft) await db('yc_process_drafts').where({ process_id: file.processId }).update(row);
  else await db('yc_process_drafts').insert({ process_id: file.processId, ...row });
  return true;
}
