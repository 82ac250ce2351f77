import type { APIRequestContext } from '@playwright/test';
import { items } from '../../processes/catalog/items.js';
import { expect, screenshots, signIn, takeIn, test, tokenOf } from './support.js';

// 城乡居民基本养老保险参保登记 runs the report-up process, whose 初审 (formKey initial-review) no other browser test changes.
const PENSION = items.find((i) => i.code === '000176001001')!;
const intake = {
  itemCode: PENSION.code, applicant: { kind: 'person', name: '陈静', idNumber: '11010519491231002X', phone: '13800001234' },
  provided: PENSION.materials.filter((m) => m.required).map((m) => m.name),
};

/** The one open step of a case at an element in a person's inbox, once the process has reached it. */
async function stepOf(request: APIRequestContext, username: string, caseNo: string, elementId: string): Promise<{ id: string }> {
  const headers = { authorization: `Bearer ${await tokenOf(request, username)}` };
  const find = async () => ((await (await request.get('/api/v1/tasks', { headers })).json()) as Array<{ id: string; caseId: string; elementId: string }>)
    .find((t) => t.caseId === caseNo && t.elementId === elementId);
  await expect.poll(find).toBeTruthy();
  return (await find())!;
}

test('设计表单: from 初审\'s form property an administrator adds a field in the form designer and deploys; a new case\'s 初审 asks it', async ({ page, browser, request }) => {
  await signIn(page, 'admin', '系统管理员');
  await page.goto('/processes/report-up-township/edit');
  await expect(page.getByText('检查通过：没有错误')).toBeVisible();

  // 初审: its 表单 group in the properties panel has the designer's button.
  await page.locator('.djs-element[data-element-id="initial_review"]').click();
  await expect(page.locator('.bio-properties-panel-header-label')).toHaveText('初审');
  await page.locator('[data-group-id="group-form"] .bio-properties-panel-group-header').click();
  await expect(page.getByText('在表单设计器中编辑表单「initial-review」')).toBeVisible();
  await screenshots(page, 'modeler-form-property');
  await page.getByRole('button', { name: '设计表单…' }).click();

  const dialog = page.getByRole('dialog', { name: '设计表单：initial-review' });
  await expect(dialog).toContainText('打开的是平台自带的表单');
  const designer = dialog.getByRole('region', { name: '表单设计器' });
  // The platform's form is open; the editor's palette speaks Chinese.
  await expect(designer.locator('.fjs-form-container .fjs-form-field').first()).toBeVisible();
  await expect(designer.locator('.fjs-palette-header')).toContainText('组件');
  await expect(designer.getByPlaceholder('搜索组件')).toBeVisible();

  // A single-line text field added at the end from the palette (by keyboard, as form-js offers), then named in its properties.
  await designer.getByRole('button', { name: '单行文本' }).press('Enter');
  await designer.locator('.fjs-form-container .fjs-form-field-textfield').last().click();
  const label = designer.getByRole('textbox', { name: '字段名称' });
  if (!(await label.isVisible())) await designer.locator('.bio-properties-panel-group-header').filter({ hasText: '基本' }).click();
  await label.fill('现场核查情况');
  await label.press('Tab');
  await expect(designer.locator('.fjs-form-container .fjs-form-field-textfield').last()).toContainText('现场核查情况');
  await screenshots(page, 'modeler-form-designer');
  await dialog.getByRole('button', { name: '保存表单' }).click();
  await expect(dialog.getByRole('status')).toHaveText('表单已随草稿保存（发布后生效）');

  // Opened again, the designer starts from the draft's design.
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  await page.getByRole('button', { name: '设计表单…' }).click();
  const again = page.getByRole('dialog', { name: '设计表单：initial-review' });
  await expect(again).toContainText('打开的是草稿中已设计的表单');
  await again.getByRole('button', { name: '关闭', exact: true }).click();

  // The step renamed so the draft is a new version; deployed, the form goes with it.
  await page.locator('[data-group-id="group-general"] .bio-properties-panel-group-header').click();
  const name = page.getByRole('textbox', { name: '名称' });
  await name.fill('初审（含现场核查）');
  await name.press('Tab');
  await page.getByRole('button', { name: '发布为新版本' }).click();
  await expect(page.getByText(/已发布为第 \d+ 版：新收的办件按此版本办理/)).toBeVisible();

  // A new case reaches 初审 on the new version: the reviewer's form asks 现场核查情况.
  const caseNo = await takeIn(request, 'ob.clerk.a', intake);
  const accept = await stepOf(request, 'ob.clerk.a', caseNo, 'accept');
  const clerk = { authorization: `Bearer ${await tokenOf(request, 'ob.clerk.a')}` };
  expect((await request.post(`/api/v1/tasks/${accept.id}/complete`, { headers: clerk, data: { variables: { accepted: true, missingMaterials: [] } } })).status()).toBe(200);
  const review = await stepOf(request, 'ob.reviewer', caseNo, 'initial_review');
  const reviewer = await browser.newPage();
  await signIn(reviewer, 'ob.reviewer', '张强');
  await reviewer.goto(`/tasks/${encodeURIComponent(review.id)}`);
  await expect(reviewer.getByRole('textbox', { name: '现场核查情况' })).toBeVisible();
  await reviewer.close();

  // Only the form changed (the field renamed), the diagram as deployed: the diff says so, and deploying still makes a new version.
  await page.reload();
  await expect(page.getByText('检查通过：没有错误')).toBeVisible();
  await page.locator('.djs-element[data-element-id="initial_review"]').click();
  await page.locator('[data-group-id="group-form"] .bio-properties-panel-group-header').click();
  await page.getByRole('button', { name: '设计表单…' }).click();
  const third = page.getByRole('dialog', { name: '设计表单：initial-review' });
  await expect(third).toContainText('打开的是已发布版本的表单');
  await third.locator('.fjs-form-container .fjs-form-field-textfield').last().click();
  const renamed = third.getByRole('textbox', { name: '字段名称' });
  if (!(await renamed.isVisible())) await third.locator('.bio-properties-panel-group-header').filter({ hasText: '基本' }).click();
  await renamed.fill('现场核查情况（含照片说明）');
  await renamed.press('Tab');
  await expect(third.locator('.fjs-form-container .fjs-form-field-textfield').last()).toContainText('现场核查情况（含照片说明）');
  await third.getByRole('button', { name: '保存表单' }).click();
  await expect(third.getByRole('status')).toHaveText('表单已随草稿保存（发布后生效）');
  await third.getByRole('button', { name: '关闭', exact: true }).click();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByRole('link', { name: '与已发布版本比较' }).click();
  await expect(page.getByRole('status').filter({ hasText: '流程图没有改动，只改了表单 「initial-review」' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '改动（0 处）' })).toBeVisible();
  await screenshots(page, 'modeler-diff-forms-only');
  await page.getByRole('link', { name: '回到编辑' }).click();
  await expect(page.getByText('检查通过：没有错误')).toBeVisible();
  await page.getByRole('button', { name: '发布为新版本' }).click();
  const formsOnly = page.getByText(/已发布为第 (\d+) 版（只改了表单 「initial-review」）/);
  await expect(formsOnly).toBeVisible();
  const version = Number(/第 (\d+) 版/.exec(await formsOnly.innerText())![1]);
  await page.getByRole('link', { name: '版本', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: `第 ${version} 版` }).first()).toContainText(`只改了表单 「initial-review」，流程图与第 ${version - 1} 版相同`);
  await screenshots(page, 'modeler-versions-forms-only');
});
