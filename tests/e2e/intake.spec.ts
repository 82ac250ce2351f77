import type { Page } from '@playwright/test';
import { expect, expectAccessible, navLinks, screenshots, signIn, tabTo, test } from './support.js';

/**
 * A printable page the clerk opened in its own tab: axe and the screenshots run on it in the
 * clerk's tab (axe's helper page cannot be opened beside it in this Chromium).
 */
async function checkPrintPage(page: Page, address: string, name: string): Promise<void> {
  await page.goto(address);
  await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();
  await expect(page.locator('iframe[data-ready="true"], .receipt')).toHaveCount(1);
  await expectAccessible(page, { legacy: true });
  await screenshots(page, name);
}

/** The intake page's sections, by their headings. */
const section = (page: Page, heading: string | RegExp) => page.getByRole('region', { name: heading });
const material = (page: Page, name: string) => section(page, '3. 材料清单').getByRole('listitem').filter({ hasText: name });

test('a clerk finds 居住证核发 by pinyin initials, reads the ID card, takes in the case with 居住证明 missing and prints the one-time notice and the receipt; the applicant comes back, the clerk takes the material, accepts, prints the acceptance notice with the promised date, and the case page shows the review current on the diagram', async ({ page, context }) => {
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await navLinks(page).filter({ hasText: '综合受理' }).click();
  await expect(page.getByRole('heading', { name: '综合受理', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '读卡器已连接（身份证读卡器（模拟））' })).toBeVisible();

  await page.getByLabel('查找事项').fill('jzzhf');
  await expect(page.getByRole('list', { name: '找到的事项' }).getByRole('button')).toHaveCount(1);
  await expectAccessible(page);
  await screenshots(page, 'intake-find');
  await page.getByLabel('查找事项').press('Enter');
  await expect(page.getByText('已选事项：居住证核发')).toBeVisible();
  await expect(page.getByRole('complementary', { name: '办事指南' })).toContainText('自受理之日起10个工作日');
  await expect(page.getByRole('complementary', { name: '办事指南' })).toContainText('居住证明（必需，原件及复印件');

  await page.getByRole('button', { name: '读取身份证（F2）' }).click();
  await expect(page.getByLabel('姓名')).toHaveValue('张丽华');
  await expect(page.getByLabel('身份证号码')).toHaveValue('11010519491231002X');
  await expect(page.getByRole('group', { name: '身份证读取结果' })).toContainText('有效期限 2015-06-01 至 长期');
  await page.getByLabel('联系电话').fill('13800001234');

  await material(page, '居民身份证').getByRole('button', { name: '用高拍仪拍摄居民身份证' }).click();
  await expect(material(page, '居民身份证')).toContainText('居民身份证.jpg');
  await material(page, '近期免冠彩色照片').getByText('已收取').click();
  await material(page, '居住证明').getByText('缺少').click();
  await expect(section(page, '4. 受理结果').getByRole('list', { name: '需补正的材料' }).getByRole('listitem')).toHaveText(['居住证明']);
  await expectAccessible(page);
  await screenshots(page, 'intake-filled');

  await page.getByRole('button', { name: '出具一次性告知书' }).click();
  await expect(page.getByRole('heading', { name: '收件完成：已出具一次性告知书，等待申请人补正' })).toBeVisible();
  const caseNo = (await page.locator('.result__no').textContent())!.trim();
  expect(caseNo).toMatch(/^330324-ob-20260302-\d{4}$/);
  await expectAccessible(page);
  await screenshots(page, 'intake-result');
  await expect(page.getByRole('link', { name: '查看办件详情' })).toHaveAttribute('href', `/cases/${caseNo}`);

  const [notice] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: '打印一次性告知书' }).click()]);
  const sheet = notice.frameLocator('iframe[title="一次性告知书"]');
  await expect(sheet.getByRole('heading', { name: '一次性告知书' })).toBeVisible();
  await expect(sheet.getByRole('listitem')).toHaveText(['居住证明']);
  await expect(sheet.getByRole('img', { name: `办件编号条形码：${caseNo}` })).toBeVisible();
  await expect(sheet.getByRole('img', { name: '办件查询二维码' })).toBeVisible();
  await expect(notice.getByRole('button', { name: '打印' })).toBeEnabled();
  const noticeAddress = notice.url();
  await notice.close();

  const [receipt] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: '打印收件凭证' }).click()]);
  await expect(receipt.getByRole('heading', { name: '收件凭证' })).toBeVisible();
  await expect(receipt.getByRole('row').filter({ hasText: '居住证明' })).toContainText('未收取（缺）');
  await expect(receipt.getByRole('row').filter({ hasText: '居民身份证' })).toContainText('已收取');
  await expect(receipt.getByRole('img', { name: `办件编号条形码：${caseNo}` })).toBeVisible();
  await expect(receipt.getByRole('img', { name: /办件查询二维码：.*\/track\// })).toBeVisible();
  const receiptAddress = receipt.url();
  await receipt.close();
  await checkPrintPage(page, noticeAddress, 'print-one-time-notice');
  await checkPrintPage(page, receiptAddress, 'print-receipt');

  // The applicant comes back with the 居住证明: the clerk takes it on the case page (接收补正材料), then accepts.
  await page.goto(`/cases/${caseNo}`);
  await expect(page.getByRole('heading', { name: `办件详情 ${caseNo}` })).toBeVisible();
  await expect(page.getByText('待补正材料（补齐后受理）')).toBeVisible();
  const correction = section(page, '接收补正材料');
  await expect(correction.getByRole('checkbox', { name: '居住证明（必需）' })).toBeChecked();
  await correction.getByRole('button', { name: '确认收到补正材料' }).click();
  const acceptance = section(page, '办理受理');
  await expect(acceptance.getByText('材料齐全，符合法定形式。')).toBeVisible();
  await acceptance.getByRole('button', { name: '受理，出具受理通知书' }).click();
  await expect(page.getByText('办理中', { exact: true })).toBeVisible();
  // Accepted Monday 2 March 2026 (the materials were completed the same day): 10 working days from the next day, 3–6, 9–13 and 16 March.
  await expect(section(page, '时限')).toContainText('承诺办结日期2026年3月16日 剩余10个工作日');
  await expect(section(page, '时限')).toContainText('跑动次数2 次');

  const diagram = section(page, '办理流程图');
  await expect(diagram.getByRole('figure', { name: '流程图，当前环节：审查' })).toBeVisible();
  await expect(diagram.getByText('办理人：永嘉县瓯北街道行政服务中心 审查员').first()).toBeVisible();
  await expect(diagram.locator('[data-element-id="review"].yc-current')).toHaveCount(1);
  await expect(diagram.locator('[data-element-id="accept"].yc-done')).toHaveCount(1);
  await expect(diagram.getByRole('link', { name: /bpmn\.io/i })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'case-accepted');
  await diagram.screenshot({ path: 'tests/e2e/screenshots/case-accepted-diagram.png' });

  const [accepted] = await Promise.all([context.waitForEvent('page'), section(page, '文书').getByRole('link', { name: /打印受理通知书/ }).click()]);
  const acceptedSheet = accepted.frameLocator('iframe[title="受理通知书"]');
  await expect(acceptedSheet.getByRole('heading', { name: '受理通知书' })).toBeVisible();
  await expect(acceptedSheet.getByText('即 2026年3月16日 前办结')).toBeVisible();
  const acceptedAddress = accepted.url();
  await accepted.close();
  await checkPrintPage(page, acceptedAddress, 'print-acceptance-notice');
});

test('the keyboard alone takes in a case: find by initials and Enter, F2 reads the card, Tab through the form, Enter on each button', async ({ page }) => {
  await signIn(page, 'ob.clerk.b', '综合窗口 李明（B岗）');
  await page.goto('/intake');
  await expect(page.getByLabel('查找事项')).toBeFocused();
  await expect(page.getByText('快捷键：F2 读取身份证 · F4 高拍仪拍摄下一份材料 · F8 暂存')).toBeVisible();
  await page.keyboard.type('csdj');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已选事项：出生登记')).toBeVisible();
  await expect(page.getByLabel('姓名')).toBeFocused();
  await page.keyboard.press('F2');
  await expect(page.getByLabel('身份证号码')).toHaveValue('11010519491231002X');
  await tabTo(page, page.getByLabel('联系电话'));
  await page.keyboard.type('13800005678');
  await tabTo(page, page.getByRole('button', { name: '全部已收取' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: '受理，当场办理' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '收件完成：已受理' })).toBeFocused();
  await expect(page.getByText('即办件当场办理，不出具受理通知书')).toBeVisible();
});

test('with no device service answering the page says so, and everything is typed by hand; a wrong ID number is named before anything is sent; a draft keeps the half-done intake', async ({ page }) => {
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await page.goto('/intake');
  await page.getByRole('button', { name: '设备设置' }).click();
  await page.getByLabel('本机设备服务地址').fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: '保存并检测' }).click();
  await expect(page.getByText('本机的设备服务没有应答：读卡器和高拍仪暂不能用，申请人信息和材料可以手工填写、上传。')).toBeVisible();

  await page.getByLabel('查找事项').fill('出生');
  await page.getByRole('button', { name: /出生登记/ }).click();
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('身份证号码').fill('110105194912310021');
  await page.getByLabel('联系电话').fill('13800009999');
  await page.getByRole('button', { name: '全部已收取' }).click();
  await page.getByRole('button', { name: '受理，当场办理' }).click();
  await expect(page.getByText('校验位不符，请核对号码')).toBeVisible();
  await expect(page.getByText('申请人信息有误，请按提示改正后再办理')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'intake-no-devices');

  await page.keyboard.press('F8');
  await expect(page.getByText(/已暂存/)).toBeVisible();
  await page.reload();
  const drafts = page.getByRole('region', { name: /暂存的收件/ });
  await expect(drafts).toContainText('出生登记 · 王小明');
  await drafts.getByRole('button', { name: '继续办理' }).first().click();
  await expect(page.getByLabel('姓名')).toHaveValue('王小明');
  await drafts.getByRole('button', { name: /删除草稿：出生登记 王小明/ }).click();
  await expect(page.getByRole('region', { name: /暂存的收件/ })).toHaveCount(0);
});

test('refusing to accept needs a reason and its legal basis, and prints the 不予受理通知书 with them', async ({ page, context }) => {
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await page.goto('/intake');
  await page.getByLabel('查找事项').fill('临时占用');
  await page.getByLabel('查找事项').press('Enter');
  await page.getByRole('button', { name: '读取身份证（F2）' }).click();
  await page.getByLabel('联系电话').fill('13800001111');
  await page.getByRole('button', { name: '全部已收取' }).click();
  await page.getByText('不予受理', { exact: true }).click();
  await page.getByRole('button', { name: '不予受理，出具不予受理通知书' }).click();
  await expect(page.getByText('请写明不予受理的理由')).toBeVisible();
  await expect(page.getByText('请写明法律依据')).toBeVisible();
  await page.getByLabel('不予受理的理由').fill('申请占用的路段为消防通道，不属于可以临时占用的范围');
  await page.getByLabel('法律依据').fill('《城市道路管理条例》第三十一条');
  await page.getByRole('button', { name: '不予受理，出具不予受理通知书' }).click();
  await expect(page.getByRole('heading', { name: '收件完成：不予受理，已出具不予受理通知书' })).toBeVisible();
  const [notice] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: '打印不予受理通知书' }).click()]);
  const sheet = notice.frameLocator('iframe[title="不予受理通知书"]');
  await expect(sheet.getByText('申请占用的路段为消防通道')).toBeVisible();
  await expect(sheet.getByText('《城市道路管理条例》第三十一条')).toBeVisible();
});
