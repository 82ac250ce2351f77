import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { findItem } from '../catalog/catalog.js';
import { itemProcess } from '../processes/item-policy.js';
import { findCase, updateCase } from './repository.js';
import { caseInstanceIds, startCaseInstances } from './case-instances.js';
import type { CaseRecord } from './types.js';

/**
 * Whether a case still lacks an instance it should have: written, but the process died
 * before the engine's commit (its process or its watch is missing), or a case from before
 * instance ids were known in advance that never got one. Not pure: it reads the engine.
 */
async function lacksInstances(engine: Engine, record: CaseRecord): Promise<boolean> {
  const ids = caseInstanceIds(record.id);
  if (!record.instanceId) return true;
  if (record.instanceId !== ids.process) return false; // an older case: its process started, its watch id is random
  return !(await engine.instance(ids.process)) || !(await engine.instance(ids.watch));
}

/**
 * At start-up: every case left without its instances by a crash between the case's commit
 * and the engine's is started now, under the ids written with it, so it is neither lost nor
 * started twice (the start is idempotent: several api processes may repair at once). Only
 * cases still `received` can lack them: anything later needed the process. Returns the ids of
 * the cases repaired. Not pure.
 */
export async function repairIntakes(db: Knex, engine: Engine): Promise<string[]> {
  const repaired: string[] = [];
  // A case has its process and its watch under its id as business key: one indexed look per case finds the few that
  // may lack one, instead of reading every received case and asking the engine twice for each (minutes at 100,000).
  const suspects = await db('yc_cases as c').where('c.status', 'received')
    .andWhere((q) => q.whereNull('c.instance_id').orWhereRaw('(select count(*) from ?? as i where i.business_key = c.id) < 2', ['yc_instances']))
    .select('c.id');
  for (const { id } of suspects as Array<{ id: string }>) {
    const record = await findCase(db, id);
    if (!record || !(await lacksInstances(engine, record))) continue;
    const item = await findItem(db, record.itemCode);
    if (!item) continue; // an item removed from the catalog: nothing to start, the case shows as it is
    // The process the item starts now: a policy changed between the crash and this start counts (the case had started nothing).
    const chosen = await itemProcess(db, item);
    const started = await startCaseInstances(engine, record, item, chosen);
    await updateCase(db, id, (c) => ({ ...c, instanceId: started.process.id }),
      { at: engine.clock.now(), action: 'intake-repaired', detail: { processId: chosen.processId, definitionKey: started.process.definitionKey, instanceId: started.process.id, watchInstanceId: started.watch.id } });
    repaired.push(id);
  }
  return repaired;
}
