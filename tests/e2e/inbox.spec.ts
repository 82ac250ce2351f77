import { account, expect, expectAccessible, screenshots, signIn, takeIn, test } from './support.js';

// 居住证核发 (promised item, code 000172002002) with its three required materials.
const residencePermit = (name: string) => ({
  itemCode: '000172002002',
  applicant: { kind: 'person', name, idNumber: '11010519491231002X', phone: '13800001234' },
  provided: ['居民身份证', '近期免冠彩色照片', '居住证明'],
});

test('a clerk\'s inbox shows the case taken in at the window: number, item, applicant, step, holder and working days left', async ({ page, request }) => {
  const caseNo = await takeIn(request, 'ob.clerk.a', residencePermit('张丽华'));
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '待办' })).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('row').filter({ hasText: caseNo });
  await expect(row).toHaveCount(1);
  // Received Monday 2 March 2026; §32 of the Administrative Licensing Law: accept or ask for
  // corrections within 5 working days, counted from the next day: 3, 4, 5, 6 and 9 March.
  await expect(row.getByRole('cell')).toHaveText([`${caseNo}居住证核发`, '张丽华', '受理', '待认领', '剩余5个工作日2026年3月9日', /办理/]);
  await expectAccessible(page);
  await screenshots(page, 'inbox');

  // Filters narrow the list; a saved view brings them back after they were cleared.
  await page.getByRole('textbox', { name: '申请人' }).fill('张丽华');
  await page.getByRole('textbox', { name: '申请人' }).press('Enter');
  await expect(page.getByRole('row').filter({ hasText: '张丽华' }).first()).toBeVisible();
  await page.getByRole('textbox', { name: '视图名称' }).fill('张丽华的件');
  await page.getByRole('button', { name: '保存当前筛选' }).click();
  await expect(page.getByRole('region', { name: '我的视图' }).getByRole('button', { name: '张丽华的件', exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: '申请人' }).fill('没有这个人');
  await page.getByRole('textbox', { name: '申请人' }).press('Enter');
  await expect(page.getByText('暂无待办。')).toBeVisible();
  await page.getByRole('region', { name: '我的视图' }).getByRole('button', { name: '张丽华的件', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: caseNo })).toHaveCount(1);
  await page.getByRole('button', { name: '删除视图 张丽华的件' }).click();
  await expect(page.getByText('还没有保存的视图')).toBeVisible();

  // The case number opens the case's page: received, waiting at acceptance with its §32 date.
  await page.getByRole('row').filter({ hasText: caseNo }).getByRole('link', { name: caseNo }).click();
  await expect(page.getByRole('heading', { name: `办件详情 ${caseNo}` })).toBeVisible();
  await expect(page.getByText('已收件，待受理')).toBeVisible();
  await expect(page.getByRole('region', { name: '时限' })).toContainText('受理期限2026年3月9日 剩余5个工作日');
  await expect(page.getByRole('figure', { name: '流程图，当前环节：受理' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'case-received');
});

// 流动人口居住登记 (a village item, code 000172002001) with its two required materials.
const residenceRegistration = (name: string) => ({
  itemCode: '000172002001',
  applicant: { kind: 'person', name, idNumber: '11010519491231002X', phone: '13800001234' },
  provided: ['居民身份证或其他有效身份证件', '住所证明'],
});

test('a village clerk\'s inbox never shows another village\'s case; their own appears without reloading', async ({ page, request }) => {
  await signIn(page, 'dl.clerk', '东岭村代办员 钱红');
  await expect(account(page)).toContainText('桥头镇东岭村便民服务中心');
  await page.goto('/inbox');
  await expect(page.getByText('暂无待办。新受理的办件或转给您的办件会出现在这里。')).toBeVisible();
  await expect(page.getByText('待办 共 0 件')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'inbox-empty');

  const elsewhere = await takeIn(request, 'ma.clerk', residenceRegistration('马岙村申请人'));
  for (const tab of ['已办', '我受理的', '办结', '待办']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByText(`${tab} 共 0 件`)).toBeVisible();
    await expect(page.getByText(elsewhere)).toHaveCount(0);
  }

  // No click on 刷新: the server's change stream brings the new step in.
  const own = await takeIn(request, 'dl.clerk', residenceRegistration('东岭村申请人'));
  await expect(page.getByText('待办 共 1 件')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: own })).toContainText('东岭村申请人');
  await expect(page.getByText(elsewhere)).toHaveCount(0);
});
