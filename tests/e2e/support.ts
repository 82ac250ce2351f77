import { test as base, expect } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

export { expect };

/** The demo logins' password (api/seed/demo-county.ts; `npm start` prints it). */
export const DEMO_PASSWORD = 'yichuang-demo';

/**
 * Every test runs against the server global-setup.ts started; the browser's computer has the
 * device simulator as its window's device service (set once per computer, as a centre would).
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const devices = process.env.YC_DEVICES_URL;
    if (devices) await page.addInitScript(`if (!localStorage.getItem('yichuang.devices')) localStorage.setItem('yichuang.devices', ${JSON.stringify(devices)});`);
    await use(page);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures this one needs from the pattern: none
  baseURL: async ({}, use) => {
    const url = process.env.YC_E2E_URL;
    if (!url) throw new Error('YC_E2E_URL is not set: run the browser tests through tests/e2e/playwright.config.ts');
    await use(url);
  },
});

/** Signs in through the sign-in page as a demo person, and waits for the header to name them. */
export async function signIn(page: Page, username: string, name: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('region', { name: '当前登录' })).toContainText(name);
}

/** The header's account area (name, centre, roles, sign-out). */
export const account = (page: Page) => page.getByRole('region', { name: '当前登录' });
/** The main navigation's links. */
export const navLinks = (page: Page) => page.getByRole('navigation', { name: '主导航' }).getByRole('link');

/**
 * axe finds no serious or critical violation on the page as it stands. `legacy`: axe runs in
 * the page itself, frames included (a sandboxed frame, such as a printed notice's, stalls the
 * default mode's helper page in this Chromium).
 */
export async function expectAccessible(page: Page, options: { legacy?: boolean } = {}): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(options.legacy ?? false).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const where = (n: (typeof serious)[number]['nodes'][number]) => `${n.target.join(' ')}${n.any[0]?.message ? ` (${n.any[0].message})` : ''}`;
  expect(serious.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(where).join(', ')}`)).toEqual([]);
}

const SIZES = [{ width: 1366, height: 768 }, { width: 768, height: 1024 }];

/**
 * Screenshots of the page at a desk screen and a tablet (tests/e2e/screenshots, ignored by
 * git: look at them), checking at each size that nothing runs off the side of the page.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow, `${name} at ${size.width}x${size.height} is wider than the screen`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `tests/e2e/screenshots/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(SIZES[0]!);
}

/** A demo person's session token, for setting up through the API what a test does not do through the pages. */
export async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { token: string }).token;
}

/** A case taken in at the window through the API, as the clerk's intake page will do; its number. */
export async function takeIn(request: APIRequestContext, username: string, intake: { itemCode: string; applicant: Record<string, string>; provided: string[] }): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const created = await request.post('/api/v1/cases', { data: intake, headers: { authorization: `Bearer ${token}` } });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { caseNo: string }).caseNo;
}

/** The page is at `path` with exactly these query values (however the router spells them in the address). */
export async function expectAt(page: Page, path: string, query: Record<string, string> = {}): Promise<void> {
  await expect.poll(() => {
    const url = new URL(page.url());
    return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
  }).toEqual({ path, query });
}

/** Presses Tab until the target has the focus (at most `max` times): how a keyboard user gets there. */
export async function tabTo(page: Page, target: import('@playwright/test').Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    // Typed by shape: the tests are compiled without the DOM's types.
    const focused = (el: { ownerDocument: { activeElement: unknown }; contains: (other: never) => boolean }) => el.contains(el.ownerDocument.activeElement as never);
    if (await target.evaluate(focused).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
