import type { Knex } from 'knex';
import { changedReference, referenceRows } from '../reference-cache.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
import { ApiError } from '../http/errors.js';

/** Which process an item's cases start: always the newest version, or a pinned one. */
export interface ItemProcessPolicy {
  itemCode: string;
  itemName: string;
  processId: string;
  /** Absent: the newest version at each intake. */
  version?: number;
  changedBy?: string;
  changedAt?: number;
}

interface ItemRow { code: string; name: string; process_id: string; process_version: number | null; policy_changed_by: string | null; policy_changed_at: number | string | null; guide: string }

function policyOf(row: ItemRow): ItemProcessPolicy {
  return {
    itemCode: row.code, itemName: row.name, processId: row.process_id,
    ...(row.process_version ? { version: row.process_version } : {}),
    ...(row.policy_changed_by ? { changedBy: row.policy_changed_by } : {}),
    ...(row.policy_changed_at ? { changedAt: Number(row.policy_changed_at) } : {}),
  };
}

export async function itemPolicies(db: Knex): Promise<ItemProcessPolicy[]> {
  return (await referenceRows(db, 'yc_items')).map((row) => policyOf(row as ItemRow));
}

/** The process (and version, when pinned) a new case of the item starts. */
export async function itemProcess(db: Knex, item: ServiceItem): Promise<{ processId: string; version?: number }> {
  const row = (await referenceRows(db, 'yc_items')).find((r) => r.code === item.code) as ItemRow | undefined;
  return row ? { processId: row.process_id, ...(row.process_version ? { version: row.process_version } : {}) } : { processId: item.processId };
}

/**
 * An administrator sets the process an item's cases start. From then on the item is theirs:
 * a start of the platform no longer rewrites it. The caller checks the process and version exist.
 */
export async function setItemPolicy(db: Knex, code: string, policy: { processId: string; version?: number }, by: string, at: number): Promise<ItemProcessPolicy> {
  const row: ItemRow | undefined = await db('yc_items').where({ code }).first();
  if (!row) throw new ApiError(404, 'ITEM_NOT_FOUND', `事项 ${code} 不在事项目录中`);
  const guide = { ...(JSON.parse(row.guide) as ServiceItem), processId: policy.processId };
  await db('yc_items').where({ code }).update({
    process_id: policy.processId, process_version: policy.version ?? null, policy_changed_by: by, policy_changed_at: at, guide: JSON.stringify(guide),
  });
  changedReference(db, 'yc_items');
  return policyOf((await db('yc_items').where({ code }).first()) as ItemRow);
}
