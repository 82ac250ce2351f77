import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { parseBpmn } from '../../engine/index.js';
import type { ModdleLike } from '../../modeler/diff/canonical.js';
import { diffDefinitions } from '../../modeler/diff/semantic-diff.js';
import type { ElementChange } from '../../modeler/diff/semantic-diff.js';
import { ApiError } from '../http/errors.js';
import { findDraft } from './drafts.js';
import { changedDraftForms } from './process-forms.js';
import { listProcesses } from './versions.js';
import type { ProcessSummary } from './versions.js';

/** The process, or 404 in words. */
export async function processNamed(db: Knex, engine: Engine, processId: string): Promise<ProcessSummary> {
  const found = (await listProcesses(db, engine)).find((p) => p.processId === processId);
  if (!found) throw new ApiError(404, 'PROCESS_NOT_FOUND', `没有已发布的流程 ${processId}`);
  return found;
}

/** The XML a version was deployed from (diagram included). */
export async function versionXml(engine: Engine, processId: string, version: number): Promise<string> {
  const xml = await engine.definitionXml(`${processId}:${version}`);
  if (!xml) throw new ApiError(404, 'VERSION_NOT_FOUND', `流程 ${processId} 没有第 ${version} 版`);
  return xml;
}

/** The draft against a deployed version (the newest unless given): elements added, removed, changed, and the formKeys whose forms the draft redesigned. */
export async function draftDiff(db: Knex, engine: Engine, processId: string, version?: number): Promise<{ version: number; changes: ElementChange[]; changedForms: string[] }> {
  const process = await processNamed(db, engine, processId);
  const draft = await findDraft(db, processId);
  if (!draft) throw new ApiError(404, 'DRAFT_NOT_FOUND', `流程 ${processId} 没有草稿`);
  const against = version ?? process.versions[0]!.version;
  const [before, after] = await Promise.all([parseBpmn(await versionXml(engine, processId, against)), parseBpmn(draft.xml)]);
  const changes = diffDefinitions(before.definitions as unknown as ModdleLike, after.definitions as unknown as ModdleLike);
  return { version: against, changes, changedForms: await changedDraftForms(db, processId, against) };
}
