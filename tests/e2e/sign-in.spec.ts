import { DEMO_PASSWORD, account, expect, expectAccessible, expectAt, navLinks, screenshots, signIn, test } from './support.js';

const password = (page: import('@playwright/test').Page) => page.getByLabel('密码', { exact: true });

test('a clerk who mistypes the password is told so, then signs in, sees name, centre, role and a clerk\'s menu, and signs out', async ({ page }) => {
  await page.goto('/');
  await expectAt(page, '/sign-in');
  await expect(page.getByRole('heading', { name: '政务服务综合受理平台' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'sign-in');

  await page.getByLabel('用户名').fill('ob.clerk.a');
  await password(page).fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
  await expect(password(page)).toHaveValue('');
  await expectAccessible(page);
  await screenshots(page, 'sign-in-wrong-password');

  await password(page).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expectAt(page, '/inbox');
  await expect(account(page)).toContainText('综合窗口 王芳（A岗）');
  await expect(account(page)).toContainText('永嘉县瓯北街道行政服务中心');
  await expect(account(page).getByRole('list', { name: '角色' }).getByRole('listitem')).toHaveText(['窗口工作人员']);
  await expect(navLinks(page)).toHaveText(['我的待办', '综合受理']);

  await account(page).getByRole('button', { name: '退出登录' }).click();
  await expectAt(page, '/sign-in');
  await page.goto('/inbox');
  await expectAt(page, '/sign-in', { redirect: '/inbox' });
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});

test('the keyboard alone is enough to sign in', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('用户名')).toBeFocused();
  await page.keyboard.type('ob.clerk.a');
  await page.keyboard.press('Tab');
  await expect(password(page)).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(account(page)).toContainText('综合窗口 王芳（A岗）');
});

test('an empty form is not sent: each field says what it needs', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码', { exact: true })).toBeVisible();
  await expectAt(page, '/sign-in');
});

test('when the session ends elsewhere, the next call returns to sign-in, and signing in again comes back to the same page', async ({ page, context }) => {
  await signIn(page, 'ob.clerk.b', '综合窗口 李明（B岗）');
  await expectAt(page, '/inbox');
  // The same person signs out in a second tab of the same browser: the session ends on the server.
  const other = await context.newPage();
  await other.goto('/inbox');
  await account(other).getByRole('button', { name: '退出登录' }).click();
  await expectAt(other, '/sign-in');

  await page.getByRole('button', { name: '刷新' }).click();
  await expectAt(page, '/sign-in', { redirect: '/inbox', reason: 'expired' });
  await expect(page.getByText('登录已过期或已在别处退出，请重新登录。')).toBeVisible();
  await page.getByLabel('用户名').fill('ob.clerk.b');
  await password(page).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expectAt(page, '/inbox');
  await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
});

test('an address that is no page says so, inside the frame, with a way back', async ({ page }) => {
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: '没有这个页面' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'not-found');
  await page.getByRole('link', { name: '回到首页', exact: true }).click();
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
});

test('a new colleague signing in with the one-time password from the administrator is asked to change it first, in Chinese, then works as usual', async ({ page, request }) => {
  const admin = await (await request.post('/api/v1/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).json() as { token: string };
  const username = `ob.new.${Date.now()}`;
  const created = await request.post('/api/v1/staff', {
    headers: { authorization: `Bearer ${admin.token}` }, data: { username, name: '综合窗口 新同事', orgUnitId: '330324-ob', roles: ['clerk'] },
  });
  expect(created.status()).toBe(201);
  const { oneTimePassword } = await created.json() as { oneTimePassword: string };

  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await password(page).fill(oneTimePassword);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '请先修改密码' })).toBeVisible();
  await expect(page.getByLabel('原密码')).toHaveCount(0);
  await expectAccessible(page);
  await screenshots(page, 'sign-in-password-change');
  // After a reload the page no longer holds the password just typed: it asks for it.
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { name: '请先修改密码' })).toBeVisible();
  await page.getByLabel('原密码').fill(oneTimePassword);

  await page.getByLabel('新密码', { exact: true }).fill('新同事的密码 2026');
  await page.getByLabel('再次输入新密码').fill('另一个密码 2026');
  await page.getByRole('button', { name: '修改密码并进入' }).click();
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();
  await page.getByLabel('再次输入新密码').fill('新同事的密码 2026');
  await page.getByRole('button', { name: '修改密码并进入' }).click();
  await expectAt(page, '/inbox');
  await expect(account(page)).toContainText('综合窗口 新同事');

  await account(page).getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill(username);
  await password(page).fill('新同事的密码 2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(account(page)).toContainText('综合窗口 新同事');
});
