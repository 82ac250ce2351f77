import { describe, expect, test } from '@jest/globals';
import { navFor, rolesFor } from '../../web/src/shell/nav.js';
import { roleTitles } from '../../web/src/auth/roles.js';
import { roles } from '../../api/auth/types.js';

describe('navigation by role', () => {
  test('the inbox is offered to those who work cases: clerk, reviewer, director, supervisor, an authority\'s head (who approves extensions); the window intake to clerks only, after the inbox', () => {
    for (const role of ['reviewer', 'director', 'supervisor', 'authority-head'] as const) expect(navFor([role]).map((e) => e.title)).toEqual(['我的待办']);
    expect(navFor(['clerk']).map((e) => e.title)).toEqual(['我的待办', '综合受理']);
  });

  test('an administrator is offered the processes (流程管理); an auditor none of the pages built so far', () => {
    expect(navFor(['administrator']).map((e) => e.title)).toEqual(['流程管理']);
    expect(navFor(['auditor'])).toEqual([]);
  });

  test('the router asks the same roles of the inbox as the menu does', () => {
    expect(rolesFor('inbox')).toEqual(['clerk', 'reviewer', 'director', 'supervisor', 'authority-head']);
    expect(rolesFor('intake')).toEqual(['clerk']);
    expect(rolesFor('start')).toBeUndefined();
    for (const page of ['processes', 'process-edit', 'process-versions', 'process-diff']) expect(rolesFor(page)).toEqual(['administrator']);
  });

  test('every role of the server has its Chinese name, in a fixed order', () => {
    expect(roleTitles([...roles])).toEqual(['窗口工作人员', '审查员', '负责人', '实施机关负责人', '监察', '审计', '管理员']);
    expect(roleTitles(['director', 'clerk'])).toEqual(['窗口工作人员', '负责人']);
  });
});
