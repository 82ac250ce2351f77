import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import { ApiError } from '../http/errors.js';
import { logSecurityEvent } from '../audit/security-log.js';
import { checkDraft } from './validation.js';
import type { DraftCheck } from './validation.js';
import { dropDraft, findDraft } from './drafts.js';
import { recordVersions, takeOver } from './ownership.js';
import { changedDraftForms, dropDraftForms, formsToVersion } from './process-forms.js';

export interface DeployedVersion {
  processId: string;
  version: number;
  definitionKey: string;
  /** Every process the file deployed (a file may hold more than the one cases start). */
  processes: Array<{ processId: string; version: number }>;
  /** The formKeys whose forms this version changed. */
  changedForms: string[];
  /** True when the diagram is the version before's and only forms changed. */
  formsOnly: boolean;
}

/**
 * Deploys a process's draft as a new version, by an administrator: refused (422, with every
 * problem) when the engine or the platform's rules refuse it. The file becomes the
 * administrators' (a start of the platform never deploys over it), the draft's designed forms
 * become the version's, the draft is dropped, and the deployment is written to the security log.
 * A version's forms never change under its running cases, so a draft whose diagram is the
 * newest version's but whose forms differ still makes a new version (only its forms changed);
 * one that changes nothing makes none. Not pure.
 */
export async function deployDraft(db: Knex, engine: Engine, admin: Staff, processId: string, checks: readonly DraftCheck[]): Promise<DeployedVersion> {
  const draft = await findDraft(db, processId);
  if (!draft) throw new ApiError(404, 'DRAFT_NOT_FOUND', `流程 ${processId} 没有草稿`);
  const { problems, processIds } = await checkDraft(draft.xml, checks);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ApiError(422, 'DRAFT_INVALID', `草稿有 ${errors.length} 处错误，不能发布：${errors[0]!.message}`, problems.map((p) => ({ field: p.elementId || '(definitions)', problem: `[${p.rule}] ${p.message}`, severity: p.severity })));
  if (!processIds.includes(processId)) throw new ApiError(422, 'DRAFT_INVALID', `草稿中没有可执行的流程 ${processId}`, [{ field: processId, problem: '草稿中缺少此流程' }]);
  const now = engine.clock.now();
  const newest = await newestVersion(engine, processId);
  const changedForms = newest === undefined ? [] : await changedDraftForms(db, processId, newest);
  const deployment = await engine.deploy(draft.xml, { name: draft.sourceName, filterDuplicates: changedForms.length === 0 });
  const made = deployment.processes.find((p) => p.processId === processId)!;
  const formsOnly = !deployment.duplicate && made.version > 1 && (await engine.definitionXml(`${processId}:${made.version - 1}`)) === draft.xml;
  await db.transaction(async (trx) => {
    await recordVersions(trx, deployment, admin.id, now);
    await takeOver(trx, draft.sourceName, admin.id, now);
    await dropDraft(trx, processId);
    if (deployment.duplicate) await dropDraftForms(trx, processId);
    else await formsToVersion(trx, processId, made.version - 1, made.version, changedForms, admin.id, now);
    await logSecurityEvent(trx, { at: now, actorId: admin.id, action: 'process-deployed', detail: { processId, definitionKey: made.definitionKey, source: draft.sourceName, origin: draft.origin, duplicate: deployment.duplicate, changedForms, formsOnly } });
  });
  return {
    processId, version: made.version, definitionKey: made.definitionKey, processes: deployment.processes.map((p) => ({ processId: p.processId, version: p.version })),
    changedForms: deployment.duplicate ? [] : changedForms, formsOnly,
  };
}

/** The newest deployed version of a process, if any. Not pure: reads the engine's store. */
async function newestVersion(engine: Engine, processId: string): Promise<number | undefined> {
  const versions = (await engine.store.deployments()).map((d) => d.processes[processId]).filter((v): v is number => v !== undefined);
  return versions.length > 0 ? Math.max(...versions) : undefined;
}
