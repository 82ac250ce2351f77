import type { Knex } from 'knex';
import type { Engine, MigrationProblem, MigrationReport } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import { logSecurityEvent } from '../audit/security-log.js';
import { appendLog } from '../cases/repository.js';
import { settle } from '../cases/case-instances.js';
import { stepOf, versionProcess } from './version-steps.js';
import type { VersionStep } from './version-steps.js';

export interface MigrationRequest {
  processId: string;
  fromVersion: number;
  toVersion: number;
  /** Old element id to new, for steps renamed in the new version. */
  mapping: Record<string, string>;
}

/** Why a step cannot move: the engine's problem with both ends named (the target only when the new version has it). */
export interface NamedProblem extends Pick<MigrationProblem, 'code' | 'what'> {
  step: VersionStep;
  target: VersionStep;
}

/** One running instance of the old version: where it is, whether it moves, and if not, why. */
export interface MigrationLine {
  instanceId: string;
  caseId?: string;
  /** The steps of the old version it is at. */
  steps: VersionStep[];
  moves: boolean;
  /** The engine's reasons in its words; `problems` the same as data, for the page to word. */
  reasons: string[];
  problems: NamedProblem[];
}

/**
 * Moves the running instances of an older version to a newer one where the engine's mapping
 * allows (`apply` false: only says which would move and which cannot, and why). Each moved
 * case's log and the security log record it. Not pure when applied.
 */
export async function migrateVersion(db: Knex, engine: Engine, admin: Staff, request: MigrationRequest, apply: boolean): Promise<MigrationLine[]> {
  const from = { processId: request.processId, version: request.fromVersion };
  const to = { processId: request.processId, version: request.toVersion };
  // Where each instance is, read before it moves: the preview and the result both name the old steps.
  const oldProcess = await versionProcess(engine, request.processId, request.fromVersion);
  const newProcess = await versionProcess(engine, request.processId, request.toVersion);
  const stepsBefore = apply ? await stepsOf(engine, await engine.previewMigration(from, to, request.mapping)) : undefined;
  const report: MigrationReport = apply ? await engine.migrateInstances(from, to, request.mapping, { by: admin.id }) : await engine.previewMigration(from, to, request.mapping);
  const at = stepsBefore ?? await stepsOf(engine, report);
  const cases = await casesOf(db, [...report.migrated, ...report.refused.map((r) => r.instanceId)]);
  const line = (instanceId: string) => ({ instanceId, ...caseOf(cases, instanceId), steps: (at.get(instanceId) ?? []).map((id) => stepOf(oldProcess, id)) });
  const lines: MigrationLine[] = [
    ...report.migrated.map((instanceId) => ({ ...line(instanceId), moves: true, reasons: [], problems: [] })),
    ...report.refused.map((r) => ({
      ...line(r.instanceId), moves: false, reasons: r.reasons,
      problems: r.problems.map((p) => ({ code: p.code, what: p.what, step: stepOf(oldProcess, p.elementId), target: stepOf(newProcess, p.targetId) })),
    })),
  ];
  if (apply) await record(db, engine, admin, request, report, lines);
  return lines;
}

/** The elements each instance of a report is at (distinct, in the engine's order). */
async function stepsOf(engine: Engine, report: MigrationReport): Promise<Map<string, string[]>> {
  const ids = [...report.migrated, ...report.refused.map((r) => r.instanceId)];
  const views = await Promise.all(ids.map((id) => engine.instance(id)));
  return new Map(ids.map((id, i) => [id, [...new Set((views[i]?.active ?? []).map((a) => a.elementId))]]));
}

async function record(db: Knex, engine: Engine, admin: Staff, request: MigrationRequest, report: MigrationReport, lines: MigrationLine[]): Promise<void> {
  // The moved steps reach their cases (and the inbox) through the engine's effects: answer once they have.
  await settle(engine, report.migrated);
  const at = engine.clock.now();
  for (const line of lines.filter((l) => l.moves && l.caseId)) {
    await appendLog(db, line.caseId!, { at, actorId: admin.id, action: 'process-migrated', detail: { processId: request.processId, from: request.fromVersion, to: request.toVersion } });
  }
  await logSecurityEvent(db, { at, actorId: admin.id, action: 'process-migrated', detail: { ...request, moved: report.migrated.length, refused: report.refused.length } });
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
