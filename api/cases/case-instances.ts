import { createHash } from 'node:crypto';
import type { Engine, InstanceView } from '../../engine/index.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
import type { CaseRecord } from './types.js';
import { WATCH_PROCESS } from '../supervision/watch.js';

/** The namespace of the case server's instance ids (a fixed random UUID; changing it would orphan every case). */
const NAMESPACE = Buffer.from('7a1c4e2b9d3f4a6e8b5c0d1e2f3a4b5c', 'hex');

/**
 * A UUID made from a name (RFC 9562 version 5, SHA-1): the same name gives the same id on
 * every process and after every restart. Pure.
 */
function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The ids of a case's two instances, its handling process and its time-limit watch, known
 * before either starts: they are written with the case in its first commit, and starting
 * them again (a retry, the repair at start-up) finds the ones that exist. Pure.
 */
export function caseInstanceIds(caseId: string): { process: string; watch: string } {
  return { process: nameBasedUuid(`case:${caseId}`), watch: nameBasedUuid(`watch:${caseId}`) };
}

/** What a case's handling process starts with, from the case as written and its item. Pure. */
export function processVariables(record: CaseRecord, item: ServiceItem): Record<string, unknown> {
  return {
    caseId: record.id, caseNo: record.caseNo, itemCode: item.code, itemName: item.name, applicant: record.applicant,
    promisedDays: item.promisedDays, departments: item.departments,
    missingMaterials: record.materials.filter((m) => m.required && !m.provided).map((m) => m.name),
  };
}

/**
 * Starts a written case's process and watch under their ids, keyed by the case: idempotent,
 * so a repeat (the clerk's retry, the repair after a crash between the case's commit and the
 * engine's) returns the instances that exist rather than starting two. Not pure.
 */
export async function startCaseInstances(engine: Engine, record: CaseRecord, item: ServiceItem, chosen: { processId: string; version?: number }): Promise<{ process: InstanceView; watch: InstanceView }> {
  const ids = caseInstanceIds(record.id);
  const process = await engine.start(chosen.processId, processVariables(record, item), { businessKey: record.id, id: ids.process, ...(chosen.version ? { version: chosen.version } : {}) });
  const watch = await engine.start(WATCH_PROCESS, { caseId: record.id }, { businessKey: record.id, id: ids.watch });
  return { process, watch };
}

/** How long a request waits for what it caused before it answers with what is known by then. */
export const SETTLE_MS = 10_000;

/** The instances a request on a case waits for: its process (with the children it calls) and its watch. Pure. */
export function caseFamily(record: Pick<CaseRecord, 'id' | 'instanceId'>): string[] {
  const ids = caseInstanceIds(record.id);
  return [...new Set([record.instanceId ?? ids.process, ids.watch])];
}

/**
 * Waits for the work these instances have in hand (their steps, jobs and followers), at most
 * `timeoutMs`: never for another case's, so one slow or failing job elsewhere delays no
 * clerk; and a job of this case that hangs costs its request only the timeout. Not pure.
 */
export async function settle(engine: Engine, instanceIds: readonly string[], timeoutMs = SETTLE_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const enough = new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); });
  try {
    await Promise.race([engine.idleFor(instanceIds), enough]);
  } finally {
    clearTimeout(timer);
  }
}
