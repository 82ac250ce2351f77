import type { Knex } from 'knex';
import type { ServiceItem } from '../../processes/catalog/types.js';
import { saveItems } from './catalog.js';

/**
 * The shipped catalog at a start of the platform: new items are added, and items no
 * administrator has changed are refreshed; an item whose process an administrator chose
 * stays theirs (the database is its truth). Not pure.
 */
export async function seedItems(db: Knex, items: readonly ServiceItem[]): Promise<void> {
  const owned = new Set((await db('yc_items').whereNotNull('policy_changed_at').select('code')).map((r: { code: string }) => r.code));
  await saveItems(db, items.filter((item) => !owned.has(item.code)));
}
