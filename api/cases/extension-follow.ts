import type { Knex } from 'knex';
import type { Clock, EffectListener, Engine } from '../../engine/index.js';
import { findCase } from './repository.js';
import { EXTENSION_FORM } from './extensions.js';
import { decisionFrom, requestFrom } from './extension-variables.js';
import { lapsePending, recordDecided, recordRequest } from './extension-record.js';

/**
 * Extensions follow the approval task in the case's process, from the engine's committed
 * effects (at least once, also after a crash): the task opened, the request is stored; it
 * closed with an answer, the decision is; the case's process ended, what is pending lapses.
 * Returns the unsubscriber.
 */
export function followExtensions(db: Knex, engine: Engine): () => void {
  return engine.subscribe(extensionFollower(db, engine.clock), { types: EXTENSION_EFFECTS });
}

/** The effects an extension follows; the listener reads no others. */
export const EXTENSION_EFFECTS = ['task.created', 'task.closed', 'instance.ended'] as const;

/** The listener itself, each effect handled idempotently (a redelivered one changes nothing). Not pure. */
export function extensionFollower(db: Knex, clock: Clock): EffectListener {
  return async (instanceId, effect, state) => {
    const vars = state.vars['0'] ?? {};
    const caseId = typeof vars.caseId === 'string' ? vars.caseId : state.businessKey;
    if (!caseId) return;
    if (effect.type === 'task.created' && effect.formKey === EXTENSION_FORM) {
      const request = requestFrom(caseId, vars);
      if (request) await recordRequest(db, request);
    } else if (effect.type === 'task.closed' && effect.outcome === 'completed') {
      const decided = decisionFrom(caseId, vars, clock.now());
      if (decided) await recordDecided(db, decided);
    } else if (effect.type === 'instance.ended' && (await findCase(db, caseId))?.instanceId === instanceId) {
      await lapsePending(db, caseId, clock.now());
    }
  };
}
