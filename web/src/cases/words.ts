/** The words the clerk's pages use for the API's codes, in one place. */

/** 办件类型. */
export const modeNames: Record<string, string> = {
  direct: '即办件（直接办理）', promised: '承诺件（承诺办理）', joint: '联办件（联合办理）', coordinate: '协调件（帮助联系、协调）', 'report-up': '上报件（全程上报代理）',
};

/** Each line of the case log, as the clerk reads it. */
export const logActionNames: Record<string, string> = {
  intake: '收件', 'process-started': '启动办理流程', 'intake-repaired': '补启办理流程（重启后）', 'step-opened': '进入环节', 'step-done': '办理环节', 'step-closed': '环节结束',
  accepted: '受理', 'one-time-notice': '出具一次性告知书', 'material-uploaded': '上传材料', 'handed-over': '移交办件',
  withdrawn: '撤件', issued: '出件', closed: '办结', 'refusal-notified': '告知不予受理或不予许可', 'rejection-filed': '否定报备',
  'rectification-ordered': '责令整改', 'extension-requested': '申请延期', 'extension-approved': '批准延期', 'extension-refused': '不予延期',
  'extension-lapsed': '延期申请失效', 'extension-released': '延期申请未送达审批，已撤回（重启后）', 'time-limit-extended': '延长办理时限', 'dates-recomputed': '重新计算期限',
  'yellow-card': '亮黄牌', 'red-card': '亮红牌',
  'task-claimed': '认领待办', 'task-unclaimed': '退回认领', 'task-handed-on': '转交待办',
};

/** The dates a case counts to. */
export const dateFieldNames: Record<string, string> = { acceptanceDueAt: '受理期限', dueAt: '承诺办结日期', statutoryDueAt: '法定办结日期' };

/** The card rules (README: Cards). */
export const cardRuleNames: Record<string, string> = {
  'acceptance-overdue': '超过五个工作日未受理', 'promised-warning': '临近承诺办结日期', 'promised-overdue': '超过承诺办结日期',
  'statutory-overdue': '超过法定办结日期', 'certificate-overdue': '决定后十个工作日内未出证',
};

export const extensionStatusNames: Record<string, string> = { pending: '待审批', approved: '已批准', refused: '不予批准', lapsed: '已失效' };

/** 剩余N个工作日, 今天到期, 已超期N个工作日. Pure. */
export function workingDaysLeftText(days: number | undefined): string {
  if (days === undefined) return '';
  if (days > 0) return `剩余${days}个工作日`;
  return days === 0 ? '今天到期' : `已超期${-days}个工作日`;
}
