import { account, expect, expectAccessible, screenshots, signIn, takeIn, test } from './support.js';

// 居住证核发 (promised item, code 000172002002) with its three required materials.
const residencePermit = (name: string) => ({
  itemCode: '000172002002',
  applicant: { kind: 'person', name, idNumber: '11010519491231002X', phone: '13800001234' },
  provided: ['居民身份证', '近期免冠彩色照片', '居住证明'],
});

test('a clerk\'s inbox shows the case taken in at the window: number, item, applicant, step and due date', async ({ page, request }) => {
  const caseNo = await takeIn(request, 'ob.clerk.a', residencePermit('张丽华'));
  await signIn(page, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: caseNo });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText([caseNo, '居住证核发', '张丽华', '受理',
    // Received Monday 2 March 2026; §32 of the Administrative Licensing Law: accept or ask for
    // corrections within 5 working days, counted from the next day: 3, 4, 5, 6 and 9 March.
    '2026年3月9日']);
  await expectAccessible(page);
  await screenshots(page, 'inbox');
});

// 流动人口居住登记 (a village item, code 000172002001) with its two required materials.
const residenceRegistration = (name: string) => ({
  itemCode: '000172002001',
  applicant: { kind: 'person', name, idNumber: '11010519491231002X', phone: '13800001234' },
  provided: ['居民身份证或其他有效身份证件', '住所证明'],
});

test('an empty inbox says so in words; 刷新 brings a new case in, and never another village\'s', async ({ page, request }) => {
  await signIn(page, 'dl.clerk', '东岭村代办员 钱红');
  await expect(account(page)).toContainText('桥头镇东岭村便民服务中心');
  await expect(page.getByText('暂无待办。新受理的办件或转给您的办件会出现在这里。')).toBeVisible();
  await expect(page.getByText('共 0 件待办')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'inbox-empty');

  const elsewhere = await takeIn(request, 'ma.clerk', residenceRegistration('马岙村申请人'));
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(page.getByText('共 0 件待办')).toBeVisible();
  await expect(page.getByText(elsewhere)).toHaveCount(0);

  const own = await takeIn(request, 'dl.clerk', residenceRegistration('东岭村申请人'));
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(page.getByText('共 1 件待办')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: own })).toContainText('东岭村申请人');
});
