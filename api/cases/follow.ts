import type { Knex } from 'knex';
import type { Effect, Engine, InstanceState } from '../../engine/index.js';
import type { CaseRecord, CaseStatus } from './types.js';
import { findCase, updateCase } from './repository.js';

/**
 * The case follows its process through the engine's committed effects (never its tables):
 * which steps are open, and how it ended.
 */
export function followCases(db: Knex, engine: Engine): () => void {
  return engine.subscribe(async (instanceId, effect, state) => {
    const caseId = caseOf(state);
    if (!caseId || !(await findCase(db, caseId))) return;
    const at = engine.clock.now();
    if (effect.type === 'task.created') {
      const step = { taskId: `${instanceId}/${effect.key}`, name: effect.name ?? effect.elementId };
      const stops = Boolean(effect.properties.suspendsClock);
      await updateCase(db, caseId, (c) => ({
        ...c, status: statusWhenOpened(c, effect.properties), currentSteps: [...c.currentSteps, step],
        ...(stops && c.clockStoppedAt === undefined ? { clockStoppedAt: at } : {}),
      }),
        { at, action: 'step-opened', detail: step });
    } else if (effect.type === 'task.closed') {
      const taskId = `${instanceId}/${effect.key}`;
      await updateCase(db, caseId, (c) => ({ ...c, currentSteps: c.currentSteps.filter((s) => s.taskId !== taskId) }),
        { at, action: 'step-closed', detail: { taskId, outcome: effect.outcome } });
    } else if (effect.type === 'instance.ended') {
      const main = (await findCase(db, caseId))?.instanceId === instanceId;
      if (main) await updateCase(db, caseId, (c) => ({ ...c, status: endStatus(state, effect.status), currentSteps: [] }), { at, action: 'closed', detail: { status: effect.status } });
    }
  });
}

function caseOf(state: InstanceState): string | undefined {
  const id = state.vars['0']?.caseId ?? state.businessKey;
  return typeof id === 'string' ? id : undefined;
}

/** A step that stops the clock puts the case in correction (before acceptance) or a special procedure. */
function statusWhenOpened(current: CaseRecord, properties: Record<string, unknown>): CaseStatus {
  if (properties.suspendsClock) return current.acceptedAt === undefined ? 'correcting' : 'suspended';
  return current.acceptedAt === undefined ? 'received' : 'handling';
}

function endStatus(state: InstanceState, how: 'completed' | 'terminated'): CaseStatus {
  const vars = state.vars['0'] ?? {};
  if (how === 'terminated') return 'withdrawn';
  if (vars.resultNo) return 'completed';
  if (vars.accepted === false || vars.approved === false || vars.initialApproved === false) return 'refused';
  return 'withdrawn';
}

export type { Effect };
