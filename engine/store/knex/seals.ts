import type { Knex } from 'knex';
import type { HistorySeal } from '../../history/seals.js';

const TABLE = 'yc_history_seals';

/** Files seals; a head sealed twice (two processes, or a retry) keeps its first row. */
export async function saveSeals(knex: Knex, seals: readonly HistorySeal[]): Promise<void> {
  if (seals.length === 0) return;
  await knex(TABLE).insert(seals.map((s) => ({
    instance_id: s.instanceId, seq: s.seq, hash: s.hash, key_id: s.keyId, signature: s.signature, sealed_at: s.sealedAt,
  }))).onConflict(['instance_id', 'seq']).ignore();
}

export async function sealsOf(knex: Knex, instanceId: string): Promise<HistorySeal[]> {
  const rows = await knex(TABLE).where({ instance_id: instanceId }).orderBy('seq');
  return rows.map((r) => ({
    instanceId: r.instance_id, seq: Number(r.seq), hash: r.hash, keyId: r.key_id, signature: r.signature, sealedAt: Number(r.sealed_at),
  }));
}
