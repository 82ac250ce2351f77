import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, account, expect, expectAccessible, navLinks, screenshots, signIn, test } from './support.js';

const material = (page: Page, name: string) => page.getByRole('region', { name: '3. 材料清单' }).getByRole('listitem').filter({ hasText: name });

/** Begins an intake of 居住证核发: the applicant typed in, one material ticked received, nothing saved. */
async function beginIntake(page: Page): Promise<void> {
  await navLinks(page).filter({ hasText: '综合受理' }).click();
  await page.getByLabel('查找事项').fill('jzzhf');
  await page.getByLabel('查找事项').press('Enter');
  await expect(page.getByText('已选事项：居住证核发')).toBeVisible();
  await page.getByLabel('姓名').fill('赵建国');
  await page.getByLabel('身份证号码').fill('11010519491231002X');
  await page.getByLabel('联系电话').fill('13900002222');
  await material(page, '近期免冠彩色照片').getByText('已收取').click();
}

/** Ends the page's session on the server, as an idle timeout does: the page learns it at its next call. */
async function endSessionOnServer(page: Page): Promise<void> {
  // A string, not a function: the tests are compiled without the DOM's types.
  const token = await page.evaluate<string | undefined>("JSON.parse(localStorage.getItem('yichuang.session') ?? '{}').token");
  expect(token).toBeTruthy();
  const ended = await page.request.post('/api/v1/auth/logout', { headers: { Authorization: `Bearer ${token}` } });
  expect(ended.status()).toBeLessThan(300);
}

/** Signs in again on the sign-in page the expired session led to (the page stays where it is). */
async function signInAgain(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a clerk whose session ends in the middle of an intake signs in again and finds the intake as it was; signing out on purpose forgets it', async ({ page }) => {
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await beginIntake(page);

  await endSessionOnServer(page);
  await page.keyboard.press('F8');
  await expect(page.getByText('登录已过期或已在别处退出，请重新登录。')).toBeVisible();
  await expect(page.getByText('您未办完的收件已保留，重新登录后自动恢复。')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'intake-kept-signed-out');

  await signInAgain(page, 'ob.clerk.a');
  await expect(page.getByRole('heading', { name: '综合受理', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已恢复重新登录前未办完的收件' })).toBeVisible();
  await expect(page.getByText('已选事项：居住证核发')).toBeVisible();
  await expect(page.getByLabel('姓名')).toHaveValue('赵建国');
  await expect(page.getByLabel('身份证号码')).toHaveValue('11010519491231002X');
  await expect(page.getByLabel('联系电话')).toHaveValue('13900002222');
  await expect(material(page, '近期免冠彩色照片').getByRole('radio', { name: '已收取' })).toBeChecked();
  // The cursor is in the applicant's first field, ready to go on from the keyboard.
  await expect(page.getByLabel('姓名')).toBeFocused();
  await expectAccessible(page);
  await screenshots(page, 'intake-kept-restored');

  // Signing out on purpose: the next sign-in (the same clerk, or a colleague at this computer) starts afresh.
  await account(page).getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await navLinks(page).filter({ hasText: '综合受理' }).click();
  await expect(page.getByLabel('查找事项')).toBeFocused();
  await expect(page.getByText('已选事项：居住证核发')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '已恢复' })).toHaveCount(0);
});

test('a kept intake comes back only to the clerk who typed it, not to a colleague signing in at the same computer', async ({ page }) => {
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await beginIntake(page);
  await endSessionOnServer(page);
  await page.keyboard.press('F8');
  await expect(page.getByText('登录已过期或已在别处退出，请重新登录。')).toBeVisible();

  await signInAgain(page, 'ob.clerk.b');
  await expect(page.getByRole('heading', { name: '综合受理', level: 1 })).toBeVisible();
  await expect(page.getByLabel('查找事项')).toBeFocused();
  await expect(page.getByText('已选事项：居住证核发')).toHaveCount(0);
});
