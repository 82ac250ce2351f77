import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { processFiles } from '../../processes/index.js';
import { processSource } from './ownership.js';
import { formsChangedByVersion } from './process-forms.js';

export interface ProcessVersion {
  version: number;
  definitionKey: string;
  sourceName: string;
  deployedAt: number;
  /** Staff id; absent for a version shipped with the platform. */
  deployedBy?: string;
  deployedByName?: string;
  runningCases: number;
  /** The formKeys whose forms differ from the version before's. */
  changedForms: string[];
  /** True when the diagram is the version before's: only forms changed. */
  formsOnly: boolean;
}

export interface ProcessSummary {
  processId: string;
  sourceName: string;
  /** What the process is for, when the platform ships it (a handling mode or a sub-process). */
  purpose?: string;
  /** True once an administrator deployed it: a start of the platform no longer deploys over it. */
  changedByAdministrator: boolean;
  draft?: { origin: 'administrator' | 'shipped'; updatedAt: number; updatedBy?: string };
  versions: ProcessVersion[];
}

/**
 * Every deployed process with its versions (newest first), who deployed each and when, and
 * how many running instances each version has. Reads the engine's store and the platform's
 * version records. Not pure.
 */
export async function listProcesses(db: Knex, engine: Engine): Promise<ProcessSummary[]> {
  const running = await runningByVersion(engine);
  const recorded = await db('yc_process_versions').leftJoin('yc_staff', 'yc_staff.id', 'yc_process_versions.deployed_by')
    .select('yc_process_versions.*', 'yc_staff.name as staff_name');
  const who = new Map(recorded.map((r: { process_id: string; version: number; deployed_by: string | null; staff_name: string | null }) => [`${r.process_id}:${r.version}`, r]));
  const changedForms = await formsChangedByVersion(db);
  const byProcess = new Map<string, ProcessVersion[]>();
  const sources = new Map<string, string>();
  const checksums = new Map<string, string>();
  for (const record of await engine.store.deployments()) {
    for (const [processId, version] of Object.entries(record.processes)) {
      const key = `${processId}:${version}`;
      checksums.set(key, record.checksum);
      const by = who.get(key);
      const list = byProcess.get(processId) ?? [];
      list.push({
        version, definitionKey: key, sourceName: record.name, deployedAt: record.deployedAt, runningCases: running.get(key) ?? 0,
        changedForms: changedForms.get(key) ?? [], formsOnly: checksums.get(`${processId}:${version - 1}`) === record.checksum,
        ...(by?.deployed_by ? { deployedBy: by.deployed_by, deployedByName: by.staff_name ?? by.deployed_by } : {}),
      });
      byProcess.set(processId, list);
      sources.set(processId, record.name);
    }
  }
  const drafts = new Map((await db('yc_process_drafts')).map((d: { process_id: string; origin: 'administrator' | 'shipped'; updated_at: number | string; updated_by: string | null }) => [d.process_id, d]));
  const summaries: ProcessSummary[] = [];
  for (const [processId, versions] of [...byProcess.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sourceName = sources.get(processId)!;
    const draft = drafts.get(processId);
    const purpose = processFiles.find((f) => f.processIds.includes(processId))?.implements;
    summaries.push({
      processId, sourceName, changedByAdministrator: Boolean((await processSource(db, sourceName))?.changedBy),
      ...(purpose ? { purpose } : {}),
      ...(draft ? { draft: { origin: draft.origin, updatedAt: Number(draft.updated_at), ...(draft.updated_by ? { updatedBy: draft.updated_by } : {}) } } : {}),
      versions: versions.sort((a, b) => b.version - a.version),
    });
  }
  return summaries;
}

/** Running instances per definition key (`processId:version`). */
async function runningByVersion(engine: Engine): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const state of await engine.store.instances({ status: 'active' })) counts.set(state.definitionKey, (counts.get(state.definitionKey) ?? 0) + 1);
  return counts;
}
