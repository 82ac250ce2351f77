import type { Engine, ProcessDef } from '../../engine/index.js';
import { compileBpmn } from '../../engine/index.js';
import { versionXml } from './service.js';

/** A flow node of a version, as the migration page names it and offers it as a counterpart. */
export interface VersionStep {
  elementId: string;
  name?: string;
  /** The engine's element kind (userTask, receiveTask, …): a step maps only onto one of the same kind. */
  kind: string;
}

/** A version's process as the engine compiled it. Not pure: reads the deployment. */
export async function versionProcess(engine: Engine, processId: string, version: number): Promise<ProcessDef> {
  const compiled = await compileBpmn(await versionXml(engine, processId, version), `${processId}:${version}`);
  return compiled.processes[processId]!;
}

/** The step of a process by id (its name and kind), or just the id when the process has none such. Pure. */
export function stepOf(process: ProcessDef, elementId: string): VersionStep {
  const element = process.elements[elementId];
  return { elementId, ...(element?.name ? { name: element.name } : {}), kind: element?.kind ?? 'unknown' };
}

/** Every flow node of a version but its start events (no case waits at one), in the file's order. Not pure: reads it. */
export async function versionSteps(engine: Engine, processId: string, version: number): Promise<VersionStep[]> {
  const process = await versionProcess(engine, processId, version);
  return Object.values(process.elements).filter((e) => e.kind !== 'startEvent').map((e) => stepOf(process, e.id));
}
