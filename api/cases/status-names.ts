import type { CaseStatus } from './types.js';

/** How a case's status reads, to the applicant and at the window alike. */
export const statusNames: Readonly<Record<CaseStatus, string>> = {
  received: '已收件，待受理', correcting: '待补正材料（补齐后受理）', handling: '办理中', suspended: '特别程序中',
  refused: '不予受理或不予许可', completed: '已办结', withdrawn: '已撤件',
};
