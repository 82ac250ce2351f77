import { account, expect, expectAccessible, expectAt, navLinks, screenshots, signIn, test } from './support.js';

test('an administrator sees name, the county centre and 管理员, the processes but none of the clerk\'s pages, and is turned back from the inbox', async ({ page }) => {
  await signIn(page, 'admin', '系统管理员');
  // One page in the menu: signing in opens it.
  await expectAt(page, '/processes');
  await expect(account(page)).toContainText('永嘉县行政服务中心');
  await expect(account(page).getByRole('list', { name: '角色' }).getByRole('listitem')).toHaveText(['管理员']);
  await expect(navLinks(page)).toHaveText(['流程管理']);
  await expect(page.getByRole('link', { name: '我的待办' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshots(page, 'start-administrator');

  await page.goto('/inbox');
  await expectAt(page, '/', { denied: '/inbox' });
  await expect(page.getByText('您的角色不能使用刚才要打开的页面，已为您回到首页。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '我的待办' })).toHaveCount(0);
});

test('a supervisor sees 监察 and the county centre, with their own menu', async ({ page }) => {
  await signIn(page, 'supervisor', '审管办 周敏');
  await expect(account(page)).toContainText('永嘉县行政服务中心');
  await expect(account(page).getByRole('list', { name: '角色' }).getByRole('listitem')).toHaveText(['监察']);
  await expect(navLinks(page)).toHaveText(['我的待办']);
  await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
});

test('the start page offers the pages the person\'s roles may use', async ({ page }) => {
  await signIn(page, 'ob.reviewer', '部门审查员 张强');
  await expect(account(page).getByRole('list', { name: '角色' }).getByRole('listitem')).toHaveText(['审查员']);
  await page.getByRole('link', { name: /回到首页/ }).click();
  await expect(page.getByRole('heading', { name: '您好，部门审查员 张强' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'start');
  await page.getByRole('link', { name: /我的待办\s*分给您/ }).click();
  await expectAt(page, '/inbox');
});
