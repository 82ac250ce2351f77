import type { APIRequestContext } from '@playwright/test';
import { items } from '../../processes/catalog/items.js';
import { expect, expectAccessible, screenshots, signIn, takeIn, test, tokenOf } from './support.js';

// 企业投资项目全程代办 runs the coordinate process, which no other browser test changes.
const COORDINATED = items.find((i) => i.code === '000186001001')!;
const intake = {
  itemCode: COORDINATED.code, applicant: { kind: 'person', name: '赵磊', idNumber: '11010519491231002X', phone: '13800001234' },
  provided: COORDINATED.materials.filter((m) => m.required).map((m) => m.name),
};

async function newestVersion(request: APIRequestContext, headers: Record<string, string>): Promise<number> {
  const processes = (await (await request.get('/api/v1/processes', { headers })).json()) as Array<{ processId: string; versions: Array<{ version: number }> }>;
  return processes.find((p) => p.processId === 'coordinate')!.versions[0]!.version;
}

test('migrating cases whose step was renamed: the preview says why a case cannot move, the administrator maps the old step onto the new one, and the case moves', async ({ page, request }) => {
  const headers = { authorization: `Bearer ${await tokenOf(request, 'admin')}` };
  const caseNo = await takeIn(request, 'ob.clerk.a', intake);
  const old = await newestVersion(request, headers);
  // The new version gives the acceptance step (where the case waits) another id.
  const xml = ((await (await request.get(`/api/v1/processes/coordinate/versions/${old}`, { headers })).json()) as { xml: string }).xml;
  const renamed = xml.replaceAll('"accept"', '"accept_window"');
  expect((await request.put('/api/v1/processes/coordinate/draft', { headers, data: { xml: renamed } })).status()).toBe(200);
  expect((await request.post('/api/v1/processes/coordinate/deploy', { headers })).status()).toBe(201);
  const newest = old + 1;

  await signIn(page, 'admin', '系统管理员');
  await page.goto('/processes/coordinate/versions');
  await page.getByLabel('版本列表').getByRole('row', { name: new RegExp(`^第 ${old} 版`) }).getByRole('button', { name: `迁移到第 ${newest} 版…` }).click();
  const preview = page.getByRole('region', { name: '迁移预览' });
  const cases = preview.getByRole('list', { name: '在办件能否迁移' });
  const ours = cases.getByRole('listitem').filter({ hasText: caseNo }).first();
  await expect(ours).toContainText('不能迁移');
  await expect(ours).toContainText(`停在「受理」（accept），第 ${newest} 版没有对应的环节`);
  await expect(preview.getByRole('button', { name: '迁移可迁移的办件' })).toBeDisabled();

  // The mapping editor: the old step where the case is, and the new step of the same kind to map it onto.
  const map = preview.getByRole('table', { name: '环节对应' });
  await expect(map.getByRole('rowheader', { name: /「受理」（accept）/ })).toBeVisible();
  // Element Plus lays its placeholder over the input: the click lands on the select as a person's would.
  await map.getByRole('combobox', { name: '受理对应的新环节' }).click({ force: true });
  const choices = page.getByRole('option');
  await expect(choices.filter({ hasText: '出具受理通知书' })).toHaveCount(0);
  await choices.filter({ hasText: '「受理」（accept_window）' }).click();
  await expect(ours).toContainText('可以迁移');
  await expectAccessible(page);
  await screenshots(page, 'modeler-migration');

  await preview.getByRole('button', { name: '迁移可迁移的办件' }).click();
  await expect(preview.getByRole('status')).toHaveText(`已迁移 1 件到第 ${newest} 版。`);
  await expect(page.getByLabel('版本列表').getByRole('row', { name: new RegExp(`^第 ${newest} 版`) })).toContainText('1');
  // The case waits at the renamed step of the new version.
  const clerk = { authorization: `Bearer ${await tokenOf(request, 'ob.clerk.a')}` };
  const tasks = (await (await request.get('/api/v1/tasks', { headers: clerk })).json()) as Array<{ caseId: string; elementId: string }>;
  expect(tasks.filter((t) => t.caseId === caseNo).map((t) => t.elementId)).toEqual(['accept_window']);
});
