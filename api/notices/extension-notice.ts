import type { Knex } from 'knex';
import type { CaseRecord } from '../cases/types.js';
import type { Extension } from '../cases/extension-store.js';
import { caseLog } from '../cases/repository.js';
import { noticeData, printedDate } from '../cases/notice-data.js';
import { caseAuthority } from '../cases/case-authority.js';
import { findItem } from '../catalog/catalog.js';
import { extensionApprover } from '../org/authority-heads.js';
import { issueNotice } from './store.js';
import { clerksOf } from './signatories.js';
import { wordingOf } from './wording.js';

/**
 * 延期告知书: once an approved extension has moved the case's due date (`c` is the case after
 * the move), the applicant is told in writing why, by how many working days, who approved it
 * and the new date; once per extension. A licence cites 行政许可法 §42 (¶2 for joint handling,
 * approved by the government's head); other items only the approval. Not pure.
 */
export async function issueExtensionNotice(db: Knex, c: CaseRecord, extension: Extension, at: number): Promise<void> {
  const [item, authority, approver] = [await findItem(db, c.itemCode), await caseAuthority(db, c), await extensionApprover(db, c)];
  if (!item || !authority || !approver || c.dueAt === undefined) throw new Error(`延期告知书 of case ${c.caseNo}: its item, authority or due date is missing`);
  const moved = (await caseLog(db, c.id)).find((e) => e.action === 'time-limit-extended' && e.detail.extensionId === extension.id);
  const previousDueAt = typeof moved?.detail.previousDueAt === 'number' ? moved.detail.previousDueAt : undefined;
  const joint = approver.id !== authority.id;
  const basis = item.type === '行政许可' ? (joint ? '《中华人民共和国行政许可法》第四十二条第二款' : wordingOf(item.type).extensionBasis) : undefined;
  await issueNotice(db, c.id, 'extension', {
    ...(await noticeData(db, c, at)), reason: extension.reason, days: extension.days, newDate: printedDate(c.dueAt),
    previousDate: previousDueAt === undefined ? '' : printedDate(previousDueAt), approvedBy: joint ? `${approver.name}负责人` : '本机关负责人', ...(basis ? { basis } : {}),
  }, at, { key: `extension:${extension.id}`, parties: { acceptedBy: clerksOf(c, {}).acceptedBy, notifiedBy: extension.requestedBy } });
}
