import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { findCase, updateCase } from './repository.js';
import { unloggedClaims } from './extension-store.js';
import type { Extension } from './extension-store.js';
import { requestFrom } from './extension-variables.js';
import { recordRequest } from './extension-record.js';

/** How long a request may hold the case's slot before reaching its process: a live one takes milliseconds; this one's process died. */
const ABANDONED_MS = 2 * 60_000;

/**
 * At start-up: every extension request a crash left between taking the case's one pending slot
 * and the process hearing of it (api/cases/extensions.ts) is settled, so the case is not barred
 * from asking again for ever. One the process took is stored as the process has it; one it never
 * heard of gives its slot back, with a log line that says so (the clerk got no answer and may
 * ask again; the head never saw it). Releasing twice, from two processes starting at once,
 * releases and logs once. Returns the ids of the requests settled. Not pure.
 */
export async function repairExtensionClaims(db: Knex, engine: Engine): Promise<string[]> {
  const settled: string[] = [];
  for (const claim of await unloggedClaims(db, engine.clock.now() - ABANDONED_MS)) {
    if (await reachedProcess(engine, db, claim)) await recordRequest(db, claim);
    else await release(db, claim, engine.clock.now());
    settled.push(claim.id);
  }
  return settled;
}

/** Whether the case's process carries this request (the message reached it before the crash). */
async function reachedProcess(engine: Engine, db: Knex, claim: Extension): Promise<boolean> {
  const record = await findCase(db, claim.caseId);
  const vars = record?.instanceId ? (await engine.instance(record.instanceId))?.variables : undefined;
  return vars !== undefined && requestFrom(claim.caseId, vars)?.id === claim.id;
}

/** Gives the slot back, with its log line, in one transaction; nothing when another process did it first. */
async function release(db: Knex, claim: Extension, at: number): Promise<void> {
  await db.transaction(async (trx) => {
    const freed = await trx('yc_extensions').where({ id: claim.id, logged: false, status: 'pending' }).delete();
    if (freed === 0) return;
    await updateCase(trx, claim.caseId, (c) => c, {
      at, actorId: claim.requestedBy, action: 'extension-released', once: `extension-released:${claim.id}`,
      detail: { extensionId: claim.id, days: claim.days, reason: claim.reason, requestedAt: claim.requestedAt },
    });
  });
}
