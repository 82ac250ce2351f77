import type { Knex } from 'knex';
import type { Engine, MigrationReport } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import { logSecurityEvent } from '../audit/security-log.js';
import { appendLog } from '../cases/repository.js';
import { settle } from '../cases/case-instances.js';

export interface MigrationRequest {
  processId: string;
  fromVersion: number;
  toVersion: number;
  /** Old element id to new, for steps renamed in the new version. */
  mapping: Record<string, string>;
}

/** One running instance of the old version: whether it moves, and if not, why. */
export interface MigrationLine {
  instanceId: string;
  caseId?: string;
  moves: boolean;
  reasons: string[];
}

/**
 * Moves the running instances of an older version to a newer one where the engine's mapping
 * allows (`apply` false: only says which would move and which cannot, and why). Each moved
 * case's log and the security log record it. Not pure when applied.
 */
export async function migrateVersion(db: Knex, engine: Engine, admin: Staff, request: MigrationRequest, apply: boolean): Promise<MigrationLine[]> {
  const from = { processId: request.processId, version: request.fromVersion };
  const to = { processId: request.processId, version: request.toVersion };
  const report: MigrationReport = apply ? await engine.migrateInstances(from, to, request.mapping, { by: admin.id }) : await engine.previewMigration(from, to, request.mapping);
  const cases = await casesOf(db, [...report.migrated, ...report.refused.map((r) => r.instanceId)]);
  const lines: MigrationLine[] = [
    ...report.migrated.map((instanceId) => ({ instanceId, ...caseOf(cases, instanceId), moves: true, reasons: [] })),
    ...report.refused.map((r) => ({ instanceId: r.instanceId, ...caseOf(cases, r.instanceId), moves: false, reasons: r.reasons })),
  ];
  if (apply) {
    // The moved steps reach their cases (and the inbox) through the engine's effects: answer once they have.
    await settle(engine, report.migrated);
    const at = engine.clock.now();
    for (const line of lines.filter((l) => l.moves && l.caseId)) {
      await appendLog(db, line.caseId!, { at, actorId: admin.id, action: 'process-migrated', detail: { processId: request.processId, from: request.fromVersion, to: request.toVersion } });
    }
    await logSecurityEvent(db, { at, actorId: admin.id, action: 'process-migrated', detail: { ...request, moved: report.migrated.length, refused: report.refused.length } });
  }
  return lines;
}

async function casesOf(db: Knex, instanceIds: string[]): Promise<Map<string, string>> {
  if (instanceIds.length === 0) return new Map();
  const rows = await db('yc_cases').whereIn('instance_id', instanceIds).select('id', 'instance_id');
  return new Map(rows.map((r: { id: string; instance_id: string }) => [r.instance_id, r.id]));
}

function caseOf(cases: Map<string, string>, instanceId: string): { caseId?: string } {
  const caseId = cases.get(instanceId);
  return caseId ? { caseId } : {};
}
