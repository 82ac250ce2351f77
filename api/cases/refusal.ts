import type { Knex } from 'knex';
import type { CaseRecord } from './types.js';
import { caseLog } from './repository.js';

export interface RefusalGrounds {
  reason: string;
  legalBasis: string;
}

/**
 * Why a case was refused, for the written notice and the rejection filing: what the process
 * carries, else every refusing opinion recorded in the case log (a joint review keeps each
 * department's answer there, with its legal basis), so no reason is lost.
 */
export async function refusalGrounds(db: Knex, c: CaseRecord, vars: Record<string, unknown>): Promise<RefusalGrounds> {
  if (typeof vars.refusalReason === 'string' && vars.refusalReason) {
    return { reason: vars.refusalReason, legalBasis: typeof vars.legalBasis === 'string' ? vars.legalBasis : '' };
  }
  const refusing = (await caseLog(db, c.id))
    .filter((e) => e.action === 'step-done')
    .map((e) => e.detail as { department?: string; variables?: Record<string, unknown> })
    .filter((d) => d.variables && [d.variables.approved, d.variables.initialApproved, d.variables.accepted].includes(false));
  const said = (d: (typeof refusing)[number], key: string) => (typeof d.variables?.[key] === 'string' ? String(d.variables[key]) : '');
  return {
    reason: refusing.map((d) => `${d.department ? `${d.department}：` : ''}${said(d, 'refusalReason') || said(d, 'initialOpinion')}`).filter(Boolean).join('；'),
    legalBasis: [...new Set(refusing.map((d) => said(d, 'legalBasis')).filter(Boolean))].join('；'),
  };
}
