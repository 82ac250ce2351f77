import type { Knex } from 'knex';
import type { Engine, OpenTask, StoredEvent } from '../../engine/index.js';
import { splitItemId } from '../../engine/index.js';
import type { CaseRecord } from './types.js';
import { findStaff } from '../org/staff.js';
import { allUnits, centerOf, countyOf } from '../org/units.js';
import type { OrgUnit } from '../org/units.js';
import { ApiError } from '../http/errors.js';

/** Where a case stands on its process's diagram: what a viewer needs to draw and mark it. */
export interface CaseDiagram {
  processId: string;
  definitionKey: string;
  /** The BPMN XML of the version the case runs on, with its diagram. */
  xml: string;
  /** Elements done (each once, in the order first done) and sequence flows taken. */
  completed: string[];
  taken: string[];
  /** Elements active now (tasks, sub-processes, waiting events). */
  active: string[];
  /** The open steps, each with who holds it, in words; a step of a called process (补正) has no element of this diagram. */
  steps: Array<{ elementId?: string; name: string; holder: string }>;
}

/** The path an instance took, from its history: elements completed and flows taken, renamed through migrations. Pure. */
export function pathOf(history: readonly StoredEvent[], processId: string): { completed: string[]; taken: string[] } {
  let completed: string[] = [];
  let taken: string[] = [];
  for (const event of history) {
    if (event.t === 'completed' && event.el !== processId) completed.push(event.el);
    if (event.t === 'activated' && event.via) taken.push(event.via);
    if (event.t === 'migrated') {
      const rename = (id: string) => event.renames[id] ?? id;
      [completed, taken] = [completed.map(rename), taken.map(rename)];
    }
  }
  return { completed: [...new Set(completed)], taken: [...new Set(taken)] };
}

/** Candidate groups as the centre calls them. */
const groupNames: Record<string, string> = { clerk: '窗口工作人员', reviewer: '审查员', director: '负责人', supervisor: '监察', 'county-reviewer': '县级审查员' };

/** Who holds an open step, in words: the person it is assigned to, the case's first-ask owner for a window step, else the group at its unit. */
async function holderOf(db: Knex, units: readonly OrgUnit[], task: OpenTask, record: CaseRecord): Promise<string> {
  const person = task.assignee ?? (task.candidateGroups.join() === 'clerk' ? record.ownerId : undefined);
  if (person) return (await findStaff(db, person))?.name ?? person;
  const unitId = task.candidateGroups.includes('county-reviewer') ? countyOf(units, record.orgUnitId) : centerOf(units, record.orgUnitId);
  const unit = units.find((u) => u.id === unitId);
  const groups = task.candidateGroups.map((g) => (g.startsWith('reviewer:') ? `${g.slice('reviewer:'.length)}审查员` : groupNames[g] ?? g));
  return `${unit?.centerName ?? unit?.name ?? ''} ${groups.join('或')}`.trim();
}

/** The open tasks of the case: its own instance's, and those of processes it called (the case lists their ids). */
async function openTasks(engine: Engine, instanceId: string, record: CaseRecord): Promise<OpenTask[]> {
  const called = record.currentSteps.map((s) => splitItemId(s.taskId)?.instanceId).filter((id): id is string => Boolean(id) && id !== instanceId);
  const lists = await Promise.all([instanceId, ...new Set(called)].map((id) => engine.tasks({ instanceId: id })));
  return lists.flat();
}

/**
 * The case's diagram and where it stands, read through the engine's public API (the
 * instance, its history, its open tasks, the XML of its version). Not pure: reads.
 */
export async function caseDiagram(db: Knex, engine: Engine, record: CaseRecord): Promise<CaseDiagram> {
  const instance = record.instanceId ? await engine.instance(record.instanceId) : undefined;
  const xml = instance ? await engine.definitionXml(instance.definitionKey) : undefined;
  if (!instance || !xml) throw new ApiError(404, 'DIAGRAM_NOT_FOUND', '此办件没有可显示的流程图（流程尚未启动）');
  const units = await allUnits(db);
  const steps = await Promise.all((await openTasks(engine, instance.id, record)).map(async (t) => ({
    ...(t.instanceId === instance.id ? { elementId: t.elementId } : {}), name: t.name ?? t.elementId, holder: await holderOf(db, units, t, record),
  })));
  const { completed, taken } = pathOf(await engine.history(instance.id), instance.processId);
  return { processId: instance.processId, definitionKey: instance.definitionKey, xml, completed, taken, active: [...new Set(instance.active.map((a) => a.elementId))], steps };
}
