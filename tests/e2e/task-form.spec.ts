import { expect, expectAccessible, screenshots, signIn, takeIn, test, tokenOf } from './support.js';

// 居住证核发 (a promised item) with every required material: accepted, its review is the reviewer's step.
const permit = {
  itemCode: '000172002002',
  applicant: { kind: 'person', name: '表单申请人', idNumber: '11010519491231002X', phone: '13800001234' },
  provided: ['居民身份证', '近期免冠彩色照片', '居住证明'],
};

test('a step\'s form speaks Chinese: its own words (请选择, 增加) and each field\'s problem (所需天数 below 1) beside the field', async ({ page, request }) => {
  const caseNo = await takeIn(request, 'ob.clerk.a', permit);
  // Acceptance is the window's page (intake.spec.ts); here it is set up through the API.
  const auth = { authorization: `Bearer ${await tokenOf(request, 'ob.clerk.a')}` };
  const tasks = (await (await request.get('/api/v1/tasks', { headers: auth })).json()) as Array<{ id: string; caseNo: string }>;
  const accept = tasks.find((t) => t.caseNo === caseNo)!;
  expect((await request.post(`/api/v1/tasks/${accept.id}/complete`, { headers: auth, data: { variables: { accepted: true, missingMaterials: [] } } })).status()).toBe(200);

  await signIn(page, 'ob.reviewer', '部门审查员 张强');
  await page.goto('/inbox');
  await page.getByRole('row').filter({ hasText: caseNo }).getByRole('link', { name: '办理' }).click();
  await expect(page.getByRole('heading', { name: '办理：审查' })).toBeVisible();
  const form = page.getByRole('form', { name: '审查表单' });
  await expect(form.getByText('请选择', { exact: true })).toBeVisible();
  await expect(form.getByText('Select', { exact: true })).toHaveCount(0);

  await form.getByText('请选择', { exact: true }).click();
  await form.getByText('专家评审', { exact: true }).click();
  await expect(form.getByRole('button', { name: '增加' })).toBeVisible();
  await expect(form.getByRole('button', { name: '减少' })).toBeVisible();
  await form.getByLabel('所需天数').fill('0');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('请按提示填写标红的项目')).toBeVisible();
  await expect(form.getByLabel('所需天数')).toHaveAccessibleDescription(/不能小于 1/);
  await expect(form.getByText(/Field must|Increment|Decrement/)).toHaveCount(0);
  await expectAccessible(page);
  await screenshots(page, 'task-form-review');

  await form.getByLabel('所需天数').fill('5');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
  // The review is done; a special procedure (专家评审) was asked for, so the case comes back to the reviewers as 特别程序.
  const rows = page.getByRole('row').filter({ hasText: caseNo });
  await expect(rows.filter({ hasText: '特别程序' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '审查' })).toHaveCount(0);
});
