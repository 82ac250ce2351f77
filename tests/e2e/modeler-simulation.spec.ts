import { expect, screenshots, signIn, test } from './support.js';

test('模拟运行: an administrator runs a token through the draft; the palette and saving are off while it runs, and back after', async ({ page }) => {
  await signIn(page, 'admin', '系统管理员');
  await page.goto('/processes/promised/edit');
  await expect(page.getByText('检查通过：没有错误')).toBeVisible();
  const simulate = page.getByRole('button', { name: '模拟运行' });
  await simulate.click();

  const stop = page.getByRole('button', { name: '结束模拟' });
  await expect(stop).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: '模拟运行中' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存草稿' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '发布为新版本' })).toBeDisabled();
  await expect(page.locator('.djs-palette')).toBeHidden();
  // The module's own controls speak Chinese.
  await expect(page.getByRole('button', { name: '重新开始模拟' })).toBeAttached();
  await expect(page.getByRole('button', { name: '显示或隐藏模拟记录' })).toBeVisible();

  // The start event's ▶ sends a token on its way: it is drawn moving, and the log says the process started.
  await page.locator('.djs-overlays[data-container-id="received"]').getByRole('button', { name: '触发（开始一个令牌）' }).click();
  await expect(page.locator('.bts-token').first()).toBeVisible();
  await page.getByRole('button', { name: '显示或隐藏模拟记录' }).click();
  const log = page.locator('.bts-log');
  await expect(log).toContainText('模拟记录');
  await expect(log).toContainText('流程开始');
  await expect(log).not.toContainText('started');
  await expect(page.locator('.bts-notifications')).toContainText('模拟运行中');
  await expect(page.locator('.bts-notifications')).not.toContainText('Simulation');
  await screenshots(page, 'modeler-simulation');

  await stop.click();
  await expect(simulate).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.djs-palette')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存草稿' })).toBeEnabled();
});
