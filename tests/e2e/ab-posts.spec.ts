import { expect, expectAccessible, screenshots, signIn, takeIn, test, tokenOf } from './support.js';

// 出生登记 (a direct item) with its three materials.
const birth = (name: string) => ({
  itemCode: '000172001001',
  applicant: { kind: 'person', name, idNumber: '11010519491231002X', phone: '13800001234' },
  provided: ['出生医学证明', '父母双方居民户口簿', '父母双方居民身份证'],
});

test('a step handed on leaves one clerk\'s inbox for the other\'s; an absent A\'s steps show in B\'s inbox as taken over', async ({ browser, request }) => {
  const handed = await takeIn(request, 'ob.clerk.a', birth('转交申请人'));
  const a = await (await browser.newContext()).newPage();
  await signIn(a, 'ob.clerk.a', '综合窗口 王芳（A岗）');
  await a.goto('/inbox');
  const row = a.getByRole('row').filter({ hasText: handed });
  await row.getByRole('button', { name: '转交' }).click();
  const dialog = a.getByRole('dialog', { name: `转交待办 ${handed}` });
  await dialog.getByRole('button', { name: '确认转交' }).click();
  await expect(dialog.getByText('请选择接收的同事')).toBeVisible();
  await dialog.getByText('选择本单位同岗位的同事').click();
  await a.getByRole('option', { name: '综合窗口 李明（B岗）' }).click();
  await dialog.getByRole('textbox', { name: '转交原因' }).fill('王芳下午外出培训');
  await expectAccessible(a);
  await screenshots(a, 'inbox-hand-on');
  await dialog.getByRole('button', { name: '确认转交' }).click();
  await expect(row).toHaveCount(0);

  const b = await (await browser.newContext()).newPage();
  await signIn(b, 'ob.clerk.b', '综合窗口 李明（B岗）');
  await b.goto('/inbox');
  await expect(b.getByRole('row').filter({ hasText: handed }).getByRole('cell').nth(3)).toHaveText('综合窗口 李明（B岗）');

  // 王芳 is marked absent: her open window steps come to 李明, marked as his taking over, while he has the page open.
  const director = await tokenOf(request, 'ob.director');
  const absence = (absent: boolean) => request.put('/api/v1/staff/s-ob-clerk-a/absence', { data: { absent }, headers: { authorization: `Bearer ${director}` } });
  const hers = await takeIn(request, 'ob.clerk.a', birth('代办申请人'));
  try {
    expect((await absence(true)).status()).toBe(200);
    await b.getByRole('button', { name: '刷新' }).click();
    const taken = b.getByRole('row').filter({ hasText: hers });
    await expect(taken.getByRole('cell').nth(3)).toHaveText('代综合窗口 王芳（A岗）办理');
    await expectAccessible(b);
    await screenshots(b, 'inbox-ab-post');
    // 李明 claims it: it is his now, in his inbox and in the case's log.
    await taken.getByRole('button', { name: '认领' }).click();
    await expect(taken.getByRole('cell').nth(3)).toHaveText('综合窗口 李明（B岗）');
    await taken.getByRole('link', { name: hers }).click();
    await expect(b.getByText('认领待办').first()).toBeVisible();
  } finally {
    await absence(false);
  }
  await a.getByRole('button', { name: '刷新' }).click();
  await expect(a.getByRole('row').filter({ hasText: hers })).toHaveCount(0);
});
