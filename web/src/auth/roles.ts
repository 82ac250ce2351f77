import type { Role } from '../api/types.js';

/** Each role as the people who hold it call it. */
export const roleNames: Record<Role, string> = {
  clerk: '窗口工作人员',
  reviewer: '审查员',
  director: '负责人',
  'authority-head': '实施机关负责人',
  supervisor: '监察',
  auditor: '审计',
  administrator: '管理员',
};

/** The roles in Chinese, in the order of the table above (so a person's header reads the same every day). Pure. */
export function roleTitles(roles: readonly Role[]): string[] {
  return (Object.keys(roleNames) as Role[]).filter((role) => roles.includes(role)).map((role) => roleNames[role]);
}
