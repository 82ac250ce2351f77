import type { Knex } from 'knex';
import type { Engine, OpenTask } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import { findCase } from './repository.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { actingFor } from '../org/staff.js';

export interface InboxTask extends OpenTask {
  caseId: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  dueAt?: number;
}

/** The candidate groups a person's roles answer for (processes/index.ts names them). */
function groupsOf(staff: Staff, level: string): Set<string> {
  const groups = new Set<string>();
  for (const role of staff.roles) {
    if (role === 'reviewer') groups.add(level === 'county' ? 'county-reviewer' : 'reviewer');
    else groups.add(role);
  }
  return groups;
}

/**
 * A person's inbox: open tasks whose case lies in their org unit (or below), for a group
 * they belong to — or assigned to them, or to an absent A post they back up (AB岗). Window
 * steps go to the case's first-ask owner (and their B post while the owner is away).
 */
export async function inbox(db: Knex, engine: Engine, staff: Staff): Promise<InboxTask[]> {
  const units = await allUnits(db);
  const level = units.find((u) => u.id === staff.orgUnitId)?.level ?? 'village';
  const visible = new Set(unitAndBelow(units, staff.orgUnitId));
  const groups = groupsOf(staff, level);
  const people = new Set(await actingFor(db, staff));
  const out: InboxTask[] = [];
  for (const task of await engine.tasks()) {
    const mine = task.assignee ? people.has(task.assignee) : task.candidateGroups.some((g) => groups.has(g) || (groups.has('reviewer') && g.startsWith('reviewer:')));
    if (!mine) continue;
    const record = await caseOfTask(db, engine, task);
    if (!record || !visible.has(record.orgUnitId)) continue;
    // 首问负责: a window step stays with the clerk who received the case, or their B post while they are away.
    if (isWindowStep(task) && record.ownerId && !people.has(record.ownerId)) continue;
    out.push(toInbox(task, record));
  }
  return out;
}

function isWindowStep(task: OpenTask): boolean {
  return task.candidateGroups.length === 1 && task.candidateGroups[0] === 'clerk' && !task.assignee;
}

export async function caseOfTask(db: Knex, engine: Engine, task: OpenTask): Promise<CaseRecord | undefined> {
  const caseId = (await engine.instance(task.instanceId))?.variables.caseId;
  return typeof caseId === 'string' ? findCase(db, caseId) : undefined;
}

function toInbox(task: OpenTask, record: CaseRecord): InboxTask {
  return { ...task, caseId: record.id, caseNo: record.caseNo, itemName: record.itemName, applicantName: record.applicant.name, ...(record.dueAt ? { dueAt: record.dueAt } : {}) };
}
