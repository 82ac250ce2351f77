import type { Extension } from './extension-store.js';

/**
 * How a request and its decision travel in the case's process variables, so that the process,
 * not the platform table, holds them first and the table can be rebuilt from it.
 */
type Variables = Record<string, unknown>;

/**
 * The message variables of a request (extension-requested). The last decision's answer is
 * cleared, so a closing task finds an answer only when the head gave one to this request. Pure.
 */
export function requestVariables(e: Extension): Variables {
  return {
    extensionId: e.id, extensionDays: e.days, extensionReason: e.reason, extensionRequestedBy: e.requestedBy, extensionRequestedAt: e.requestedAt,
    extensionApproved: null, extensionOpinion: null, extensionDecidedBy: null, extensionDecidedAt: null,
  };
}

/** The request the process variables carry, if any. Pure. */
export function requestFrom(caseId: string, vars: Variables): Extension | undefined {
  const { extensionId: id, extensionDays: days, extensionReason: reason, extensionRequestedBy: by, extensionRequestedAt: at } = vars;
  if (typeof id !== 'string' || typeof days !== 'number' || typeof by !== 'string' || typeof at !== 'number') return undefined;
  return { id, caseId, days, reason: typeof reason === 'string' ? reason : '', status: 'pending', requestedBy: by, requestedAt: at };
}

/** The completion variables of the approval task: the head's answer, who gave it and when. Pure. */
export function decisionVariables(answer: Variables, staffId: string, at: number): Variables {
  return { ...answer, extensionDecidedBy: staffId, extensionDecidedAt: at };
}

/** The decided request the process variables carry once the approval task closed with an answer, if any. Pure. */
export function decisionFrom(caseId: string, vars: Variables, at: number): Extension | undefined {
  const request = requestFrom(caseId, vars);
  if (!request || typeof vars.extensionApproved !== 'boolean') return undefined;
  const note = typeof vars.extensionOpinion === 'string' && vars.extensionOpinion ? vars.extensionOpinion : undefined;
  return {
    ...request, status: vars.extensionApproved ? 'approved' : 'refused', decidedAt: typeof vars.extensionDecidedAt === 'number' ? vars.extensionDecidedAt : at,
    ...(typeof vars.extensionDecidedBy === 'string' ? { decidedBy: vars.extensionDecidedBy } : {}), ...(note ? { decisionNote: note } : {}),
  };
}
