import type { Role } from '../api/types.js';

/** One page in the navigation, and the roles that may use it (the router refuses the others too). */
export interface NavEntry {
  /** The route's name. */
  route: string;
  path: string;
  title: string;
  /** One line saying what the page is for, on the start page. */
  hint: string;
  roles: readonly Role[];
}

/**
 * Every page a person can navigate to, in menu order: the one table the menu, the start page
 * and the router's role check read. A page is listed here once it is built.
 */
export const navEntries: readonly NavEntry[] = [
  { route: 'inbox', path: '/inbox', title: '我的待办', hint: '分给您和您所在岗位、等待办理的办件', roles: ['clerk', 'reviewer', 'director', 'supervisor', 'authority-head'] },
  { route: 'intake', path: '/intake', title: '综合受理', hint: '在窗口收件：查找事项、核对申请人和材料，受理、一次性告知补正或不予受理', roles: ['clerk'] },
  { route: 'processes', path: '/processes', title: '流程管理', hint: '修改办理流程、发布新版本、查看各版本及在办件', roles: ['administrator'] },
];

/** The entries a person with these roles may use. Pure. */
export function navFor(roles: readonly Role[]): NavEntry[] {
  return navEntries.filter((entry) => entry.roles.some((role) => roles.includes(role)));
}

/** Pages reached from a menu page rather than the menu, and the roles they need. */
const innerPages: Readonly<Record<string, readonly Role[]>> = {
  'process-edit': ['administrator'], 'process-versions': ['administrator'], 'process-diff': ['administrator'],
};

/** The roles a named route needs (undefined: any signed-in person). Pure. */
export function rolesFor(route: string): readonly Role[] | undefined {
  return navEntries.find((entry) => entry.route === route)?.roles ?? innerPages[route];
}
