import { expect, screenshots, signIn, test, tokenOf } from './support.js';

test('设计表单: from a user task\'s form property an administrator opens its form in the form designer, adds a field and saves it with the draft', async ({ page, request }) => {
  const headers = { authorization: `Bearer ${await tokenOf(request, 'admin')}` };
  await signIn(page, 'admin', '系统管理员');
  await page.goto('/processes/promised/edit');
  await expect(page.getByText('检查通过：没有错误')).toBeVisible();

  // 审查 (formKey review): its 表单 group in the properties panel has the designer's button.
  await page.locator('.djs-element[data-element-id="review"]').click();
  await expect(page.locator('.bio-properties-panel-header-label')).toHaveText('审查');
  await page.locator('[data-group-id="group-form"] .bio-properties-panel-group-header').click();
  await expect(page.getByText('在表单设计器中编辑表单「review」')).toBeVisible();
  await screenshots(page, 'modeler-form-property');
  await page.getByRole('button', { name: '设计表单…' }).click();

  const dialog = page.getByRole('dialog', { name: '设计表单：review' });
  await expect(dialog).toContainText('打开的是平台自带的表单');
  const designer = dialog.getByRole('region', { name: '表单设计器' });
  // The platform's review form is open; the editor's palette speaks Chinese.
  await expect(designer.locator('.fjs-form-field').filter({ hasText: '审查意见' }).first()).toBeVisible();
  await expect(designer.locator('.fjs-palette-header')).toContainText('组件');
  await expect(designer.getByPlaceholder('搜索组件')).toBeVisible();

  // A single-line text field added at the end from the palette (by keyboard, as form-js offers), then named in its properties.
  await designer.getByRole('button', { name: '单行文本' }).press('Enter');
  await designer.locator('.fjs-form-field-textfield').last().click();
  const label = designer.getByRole('textbox', { name: '字段名称' });
  if (!(await label.isVisible())) await designer.locator('.bio-properties-panel-group-header').filter({ hasText: '基本' }).click();
  await expect(label).toBeVisible();
  await label.fill('现场核查情况');
  await label.press('Tab');
  await expect(designer.locator('.fjs-form-container .fjs-form-field-textfield').last()).toContainText('现场核查情况');
  await screenshots(page, 'modeler-form-designer');

  await dialog.getByRole('button', { name: '保存表单' }).click();
  await expect(dialog.getByRole('status')).toHaveText('表单已随草稿保存（发布后生效）');
  const saved = (await (await request.get('/api/v1/processes/promised/draft/forms/review', { headers })).json()) as { origin: string; schema: { components: Array<{ label?: string; type: string }> } };
  expect(saved.origin).toBe('draft');
  expect(saved.schema.components).toContainEqual(expect.objectContaining({ type: 'textfield', label: '现场核查情况' }));

  // Opened again, the designer starts from the draft's design.
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  await page.getByRole('button', { name: '设计表单…' }).click();
  await expect(page.getByRole('dialog', { name: '设计表单：review' })).toContainText('打开的是草稿中已设计的表单');
  // Leave the process as it was for the other tests: the draft and its forms dropped.
  await request.put('/api/v1/processes/promised/draft', { headers, data: { xml: ((await (await request.get('/api/v1/processes/promised/versions/1', { headers })).json()) as { xml: string }).xml } });
  expect((await request.delete('/api/v1/processes/promised/draft', { headers })).status()).toBe(200);
});
