import type { Knex } from 'knex';
import type { CaseRecord } from './types.js';
import { caseLog, updateCase } from './repository.js';

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

/**
 * The grounds of a refusal, which must name both the reasons and the legal basis: a refusal
 * without them can be neither filed (否定报备) nor written to the applicant. Missing either, the
 * job stops with an incident saying what to add (and the case's log says so once), instead of
 * printing an empty reason. Not pure.
 */
export async function requireGrounds(db: Knex, c: CaseRecord, vars: Record<string, unknown>, at: number): Promise<RefusalGrounds> {
  const grounds = await refusalGrounds(db, c, vars);
  const missing = [...(grounds.reason.trim() ? [] : ['理由（refusalReason）']), ...(grounds.legalBasis.trim() ? [] : ['法律依据（legalBasis）'])];
  if (missing.length === 0) return grounds;
  if (!(await caseLog(db, c.id)).some((e) => e.action === 'refusal-grounds-missing')) {
    await updateCase(db, c.id, (x) => x, { at, action: 'refusal-grounds-missing', detail: { missing } });
  }
  throw new Error(`办件 ${c.caseNo} 的不予决定缺少${missing.join('和')}，不能报备，也不能出具书面决定：请补充流程变量 refusalReason、legalBasis 后解决此故障并重试`);
}
