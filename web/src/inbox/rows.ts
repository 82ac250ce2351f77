import type { InboxFilter, InboxRow } from './inbox-api.js';
import { workingDaysLeftText } from '../cases/words.js';

/** The inbox's tabs, in the clerks' words. */
export const tabs = [
  { name: 'todo', label: '待办' }, { name: 'done', label: '已办' }, { name: 'mine', label: '我受理的' }, { name: 'closed', label: '办结' },
] as const;
export type Tab = (typeof tabs)[number]['name'];

export const timeStateNames: Record<NonNullable<InboxRow['timeState']>, string> = { normal: '正常', yellow: '临近期限', red: '今天到期', overdue: '已超期' };

/** 剩余3个工作日 (and the rest), or 未设期限. Pure. */
export function timeLeftText(row: Pick<InboxRow, 'workingDaysLeft'>): string {
  return row.workingDaysLeft === null ? '未设期限' : workingDaysLeftText(row.workingDaysLeft);
}

/** Element Plus's tag colour for a time state: yellow near the limit, red on or past it. Pure. */
export function timeMark(row: Pick<InboxRow, 'timeState'>): 'success' | 'warning' | 'danger' | 'info' {
  return row.timeState === 'yellow' ? 'warning' : row.timeState === 'red' || row.timeState === 'overdue' ? 'danger' : row.timeState === 'normal' ? 'success' : 'info';
}

/** Who holds a row's step, in words: a name, 代X办理 on a B post, or 本岗待认领. Pure. */
export function holderText(row: Pick<InboxRow, 'holder' | 'takenOverFrom' | 'taskId'>): string {
  if (row.takenOverFrom) return `代${row.takenOverFrom.name}办理`;
  if (row.holder) return row.holder.name;
  return row.taskId ? '待认领' : '';
}

/** A filter without its empty fields, as a saved view and the address keep it. Pure. */
export function compactFilter(filter: InboxFilter): InboxFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as InboxFilter;
}
