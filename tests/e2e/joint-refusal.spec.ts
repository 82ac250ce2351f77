import { expect, expectAccessible, screenshots, signIn, takeIn, test, tokenOf } from './support.js';
import type { Page } from '@playwright/test';

// 农村村民宅基地审批 (a joint item: 自然资源所, 农业农村办 and 村镇建设办 each review it) with its required materials.
const homestead = {
  itemCode: '000179001001',
  applicant: { kind: 'person', name: '宅基地申请人', idNumber: '11010519491231002X', phone: '13800001234' },
  provided: ['农村宅基地和建房（规划许可）申请表', '居民户口簿', '申请人居民身份证', '村民小组会议记录及村级审查意见', '申请人承诺书'],
};

/** Opens the case's step from the person's inbox, as they would: the row, then 办理. */
async function openStep(page: Page, caseNo: string): Promise<void> {
  await page.goto('/inbox');
  await page.getByRole('row').filter({ hasText: caseNo }).getByRole('link', { name: '办理' }).click();
  await expect(page.getByRole('heading', { name: /^办理：/ })).toBeVisible();
}

test('a joint item where one department refuses ends in the refusal decision, printed', async ({ browser, request }) => {
  const caseNo = await takeIn(request, 'ob.clerk.a', homestead);
  // Acceptance is the window's page (tests/e2e/intake.spec.ts); here it is set up through the API.
  const clerkToken = await tokenOf(request, 'ob.clerk.a');
  const auth = { authorization: `Bearer ${clerkToken}` };
  const tasks = (await (await request.get('/api/v1/tasks', { headers: auth })).json()) as Array<{ id: string; caseNo: string }>;
  const accept = tasks.find((t) => t.caseNo === caseNo)!;
  expect((await request.post(`/api/v1/tasks/${accept.id}/complete`, { headers: auth, data: { variables: { accepted: true, missingMaterials: [] } } })).status()).toBe(200);

  // 自然资源所 refuses: 不予通过 shows the reasons, which are required.
  const land = await (await browser.newContext()).newPage();
  await signIn(land, 'ob.land', '自然资源所 黄磊');
  await openStep(land, caseNo);
  await expect(land.getByRole('button', { name: '通过', exact: true })).toBeVisible();
  await expect(land.getByLabel('不同意的理由')).toHaveCount(0);
  await land.getByRole('button', { name: '不予通过' }).click();
  await land.getByRole('button', { name: '确认不予通过（须写明理由）' }).click();
  await expect(land.getByText('请按提示填写标红的项目')).toBeVisible();
  // form-js's own check of each required field left empty, said in Chinese beside the field (web/src/tasks/chinese-validation.ts).
  await expect(land.getByLabel('不同意的理由')).toHaveAccessibleDescription(/此项必须填写/);
  await expect(land.getByLabel('法律依据')).toHaveAccessibleDescription(/此项必须填写/);
  await expect(land.getByText('Field is required')).toHaveCount(0);
  await screenshots(land, 'task-form-required');
  await land.getByLabel('不同意的理由').fill('选址占用永久基本农田');
  await land.getByLabel('法律依据').fill('《中华人民共和国土地管理法》第三十五条');
  await expectAccessible(land);
  await screenshots(land, 'task-form-refusing');
  await land.getByRole('button', { name: '确认不予通过（须写明理由）' }).click();
  await expect(land.getByRole('heading', { name: '我的待办' })).toBeVisible();
  await expect(land.getByRole('row').filter({ hasText: caseNo })).toHaveCount(0);

  // The other two departments agree.
  for (const [username, name] of [['ob.farm', '农业农村办 何静'], ['ob.build', '村镇建设办 罗军']] as const) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, username, name);
    await openStep(page, caseNo);
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
  }

  // The window tells the applicant in writing; the refusal decision is issued and printed.
  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await openStep(clerk, caseNo);
  await clerk.getByLabel('已书面告知申请人').check();
  await screenshots(clerk, 'task-form');
  await clerk.getByRole('button', { name: '提交' }).click();
  await expect(clerk.getByRole('heading', { name: '我的待办' })).toBeVisible();
  await clerk.goto('/inbox');
  await clerk.getByRole('tab', { name: '办结' }).click();
  await clerk.getByRole('row').filter({ hasText: caseNo }).getByRole('link', { name: caseNo }).click();
  await expect(clerk.getByRole('heading', { name: `办件详情 ${caseNo}` })).toBeVisible();
  const printing = clerk.context().waitForEvent('page');
  await clerk.getByRole('link', { name: /^打印不予.*决定书/ }).first().click();
  const sheet = await printing;
  await expect(sheet.frameLocator('iframe').first().getByText('选址占用永久基本农田').first()).toBeVisible();
  await expectAccessible(sheet, { legacy: true });
  await screenshots(sheet, 'print-refusal-decision');
});
