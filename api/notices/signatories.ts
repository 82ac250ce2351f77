import type { CaseRecord } from '../cases/types.js';

/**
 * Who did a window step, kept in the process as it is completed, so a notice printed by a job
 * (in this process or a worker) names the clerk: 受理人 is who completed the acceptance step,
 * 告知人 who told the applicant (the acceptance step's clerk for acceptance and correction,
 * the refusal step's for a refusal).
 */
const SIGNED_BY: Readonly<Record<string, string>> = { acceptance: 'acceptanceClerkId', refusal: 'refusalClerkId' };

/** The variables a completion adds for the clerk who did it, on the steps whose clerk a notice names. Pure. */
export function signedBy(formKey: string | undefined, variables: Record<string, unknown>, staffId: string): Record<string, unknown> {
  const name = formKey ? SIGNED_BY[formKey] : undefined;
  return name ? { ...variables, [name]: staffId } : variables;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The clerks a case's notices name, from the process variables; the first-ask owner when a step predates them. Pure. */
export function clerksOf(c: CaseRecord, vars: Record<string, unknown>): { acceptedBy?: string; refusedBy?: string } {
  const acceptedBy = text(vars.acceptanceClerkId) ?? c.ownerId;
  const refusedBy = text(vars.refusalClerkId) ?? acceptedBy;
  return { ...(acceptedBy ? { acceptedBy } : {}), ...(refusedBy ? { refusedBy } : {}) };
}
