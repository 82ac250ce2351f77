import type { Knex } from 'knex';
import { findCase, updateCase } from './repository.js';
import { CLOSED_STATUSES } from './types.js';
import { insertExtensionOnce, markLogged, pendingExtensionOf, setDecision } from './extension-store.js';
import type { Extension } from './extension-store.js';

/**
 * The extension table as the read model of the approval task: each write happens once with its
 * log line, whoever gets there first (the route, or the listener on a redelivered effect), so
 * writing twice changes nothing.
 */

/**
 * A request, stored with its log line unless stored already (or claimed and not yet logged:
 * then only its log line). A request stored late, after its case closed (the lapse ran before
 * the row existed), is stored lapsed. Not pure.
 */
export async function recordRequest(db: Knex, e: Extension): Promise<void> {
  await db.transaction(async (trx) => {
    if (!(await insertExtensionOnce(trx, e)) && !(await markLogged(trx, e.id))) return;
    await updateCase(trx, e.caseId, (c) => c, { at: e.requestedAt, actorId: e.requestedBy, action: 'extension-requested', detail: { extensionId: e.id, days: e.days, reason: e.reason } });
    const record = await findCase(trx, e.caseId);
    if (record && CLOSED_STATUSES.includes(record.status) && (await setDecision(trx, { ...e, status: 'lapsed', decidedAt: e.requestedAt }))) {
      await updateCase(trx, e.caseId, (c) => c, { at: e.requestedAt, action: 'extension-lapsed', detail: { extensionId: e.id, days: e.days } });
    }
  });
}

/** A decision, stored with its log line unless the request was settled already. Not pure. */
export async function recordDecided(db: Knex, e: Extension): Promise<void> {
  await db.transaction(async (trx) => {
    if (!(await setDecision(trx, e))) return;
    await updateCase(trx, e.caseId, (c) => c, {
      at: e.decidedAt ?? e.requestedAt, ...(e.decidedBy ? { actorId: e.decidedBy } : {}),
      action: e.status === 'approved' ? 'extension-approved' : 'extension-refused', detail: { extensionId: e.id, days: e.days, note: e.decisionNote },
    });
  });
}

/** The case ended with a request undecided: its approval task went with the process, so the request lapses. Not pure. */
export async function lapsePending(db: Knex, caseId: string, at: number): Promise<void> {
  for (let e = await pendingExtensionOf(db, caseId); e; e = await pendingExtensionOf(db, caseId)) {
    const lapsed = e;
    await db.transaction(async (trx) => {
      if (!(await setDecision(trx, { ...lapsed, status: 'lapsed', decidedAt: at }))) return;
      await updateCase(trx, caseId, (c) => c, { at, action: 'extension-lapsed', detail: { extensionId: lapsed.id, days: lapsed.days } });
    });
  }
}
