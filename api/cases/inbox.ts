import type { Knex } from 'knex';
import type { Engine, OpenTask } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { CaseRecord } from './types.js';
import type { OrgUnit } from '../org/units.js';
import { findCase } from './repository.js';
import { allUnits, centerOf, countyOf, unitAndBelow } from '../org/units.js';
import { actingFor } from '../org/staff.js';
import { pendingExtensionOf } from './extension-store.js';
import type { Extension } from './extension-store.js';
import { EXTENSION_FORM } from './extensions.js';
import { HEAD_GROUP, approvesExtensionsOf } from '../org/authority-heads.js';

export interface InboxTask extends OpenTask {
  caseId: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  dueAt?: number;
  /** On the head's approval of an extension: what was asked, so it can be decided from the inbox. */
  extension?: Pick<Extension, 'id' | 'days' | 'reason' | 'requestedBy' | 'requestedAt'>;
}

/** The process the county runs for a reported-up case: its steps belong to the county's staff. */
const COUNTY_PROCESSES = new Set(['report-up-county']);

/** The candidate groups a person's roles answer for (processes/index.ts names them). Pure. */
export function groupsOf(staff: Staff, level: string): Set<string> {
  const groups = new Set<string>();
  for (const role of staff.roles) {
    groups.add(role);
    if (role === 'reviewer' && level === 'county') groups.add('county-reviewer');
    if (role === 'reviewer' && staff.department) groups.add(`reviewer:${staff.department}`);
  }
  return groups;
}

/**
 * The unit whose staff answer for a back-office step: the county for the county's own process,
 * else the case's centre (a village case's township). The supervisor watches the whole county. Pure.
 */
function handlingUnit(units: readonly OrgUnit[], task: OpenTask, record: CaseRecord): string {
  return COUNTY_PROCESSES.has(task.processId) ? countyOf(units, record.orgUnitId) : centerOf(units, record.orgUnitId);
}

/**
 * A person's inbox: open tasks whose case lies in their org unit (or below), for a group they
 * belong to — or assigned to them, or to an absent A post they back up (AB岗). Window steps go
 * to the case's first-ask owner (and their B post while the owner is away); back-office steps
 * to the staff of the unit that handles them, so a county director never decides a township's case;
 * an extension's approval to the head of the case's deciding authority (approvesExtensionsOf).
 */
export async function inbox(db: Knex, engine: Engine, staff: Staff): Promise<InboxTask[]> {
  const units = await allUnits(db);
  const level = units.find((u) => u.id === staff.orgUnitId)?.level ?? 'village';
  const visible = new Set(unitAndBelow(units, staff.orgUnitId));
  const groups = groupsOf(staff, level);
  const people = new Set(await actingFor(db, staff));
  const out: InboxTask[] = [];
  for (const task of await engine.tasks()) {
    if (!task.assignee && !task.candidateGroups.some((g) => groups.has(g))) continue;
    if (task.assignee && !people.has(task.assignee)) continue;
    const record = await caseOfTask(db, engine, task);
    if (!record || !visible.has(record.orgUnitId)) continue;
    if (!task.assignee && !(task.candidateGroups.includes(HEAD_GROUP) ? await approvesExtensionsOf(db, staff, record) : answers(task, record, people, staff, handlingUnit(units, task, record)))) continue;
    out.push(toInbox(task, record, task.formKey === EXTENSION_FORM ? await pendingExtensionOf(db, record.id) : undefined));
  }
  return out;
}

/** 首问负责 for window steps; the handling unit for back-office steps; the supervisor sees all it watches. */
function answers(task: OpenTask, record: CaseRecord, people: Set<string>, staff: Staff, unit: string): boolean {
  if (isWindowStep(task)) return record.ownerId ? people.has(record.ownerId) : staff.orgUnitId === record.orgUnitId;
  if (task.candidateGroups.includes('supervisor') && staff.roles.includes('supervisor')) return true;
  return staff.orgUnitId === unit;
}

function isWindowStep(task: OpenTask): boolean {
  return task.candidateGroups.length === 1 && task.candidateGroups[0] === 'clerk';
}

export async function caseOfTask(db: Knex, engine: Engine, task: Pick<OpenTask, 'instanceId'>): Promise<CaseRecord | undefined> {
  const caseId = (await engine.instance(task.instanceId))?.variables.caseId;
  return typeof caseId === 'string' ? findCase(db, caseId) : undefined;
}

function toInbox(task: OpenTask, record: CaseRecord, asked?: Extension): InboxTask {
  const dueAt = record.currentSteps.find((s) => s.taskId === task.id)?.dueAt ?? record.dueAt;
  const extension = asked && { id: asked.id, days: asked.days, reason: asked.reason, requestedBy: asked.requestedBy, requestedAt: asked.requestedAt };
  return { ...task, caseId: record.id, caseNo: record.caseNo, itemName: record.itemName, applicantName: record.applicant.name, ...(dueAt ? { dueAt } : {}), ...(extension ? { extension } : {}) };
}
