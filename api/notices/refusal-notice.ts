import type { Knex } from 'knex';
import type { CaseRecord } from '../cases/types.js';
import { updateCase } from '../cases/repository.js';
import { requireGrounds } from '../cases/refusal.js';
import { filedWith } from '../cases/rejection-filing.js';
import { caseAuthority } from '../cases/case-authority.js';
import { noticeData } from '../cases/notice-data.js';
import { findItem } from '../catalog/catalog.js';
import { allAuthorities } from '../org/authorities.js';
import { allUnits } from '../org/units.js';
import { reviewBodyOf } from '../org/review-body.js';
import { issueNotice } from './store.js';
import { clerksOf } from './signatories.js';
import { remedySentence, wordingOf } from './wording.js';

/**
 * The written refusal (不予受理通知书, or the decision the item's type calls for: 不予许可决定书,
 * 不予给付决定书 …): the reasons and legal basis (required), the remedies with the review body
 * that follows from the deciding authority, and the filing sentence once the refusal was filed.
 * Stops with an incident rather than print a refusal without reasons or a review body it cannot
 * name. Not pure.
 */
export async function issueRefusalNotice(db: Knex, c: CaseRecord, vars: Record<string, unknown>, at: number): Promise<void> {
  const grounds = await requireGrounds(db, c, vars, at);
  const [item, authority] = [await findItem(db, c.itemCode), await caseAuthority(db, c)];
  if (!item || !authority) throw new Error(`办件 ${c.caseNo} 的事项或实施机关未登记，不能出具书面决定`);
  const wording = wordingOf(item.type);
  const kind = vars.accepted === false ? 'refusal-to-accept' : 'refusal-decision';
  const title = kind === 'refusal-decision' ? wording.refusalTitle : undefined;
  const reviewBody = wording.reviewable && !item.remedy ? reviewBodyOf(authority, await allAuthorities(db), await allUnits(db)) : undefined;
  if (wording.reviewable && !item.remedy && !reviewBody) throw new Error(`无法确定${authority.name}的行政复议机关：请登记其本级人民政府或上一级主管部门`);
  const remedy = remedySentence(item, { document: title ? title.slice(-3) : '通知书', authority: authority.name, ...(reviewBody ? { reviewBody: reviewBody.name } : {}) });
  const filed = await filedWith(db, c.id);
  const clerks = clerksOf(c, vars);
  await issueNotice(db, c.id, kind, { ...(await noticeData(db, c, at)), ...grounds, decision: wording.decision, remedy, ...(filed ? { filedWith: filed } : {}) }, at, {
    ...(title ? { title } : {}), parties: { ...(kind === 'refusal-decision' ? { acceptedBy: clerks.acceptedBy } : {}), notifiedBy: clerks.refusedBy },
  });
  await updateCase(db, c.id, (x) => ({ ...x, status: 'refused' }), { at, action: 'refusal-notified', detail: { kind, ...grounds, ...(reviewBody ? { reviewBody: reviewBody.name } : {}) } });
}
