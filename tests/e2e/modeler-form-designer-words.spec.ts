import type { Locator, Page } from '@playwright/test';
import { expect, screenshots, signIn, test } from './support.js';

/**
 * Latin words the designer may show: names of standards and formats an administrator meets as
 * they are (FEEL, HTML, JSON, a MIME type, E.164, the bpmn.io watermark), never English prose.
 */
const KEPT = new Set(['FEEL', 'HTML', 'JSON', 'URI', 'data', 'MIME', 'Markdown', 'https', 'iFrame', 'MDN', 'FRAME', 'OPTIONS', 'Camunda', 'UTC', 'bpmn', 'io', 'Powered', 'by']);

/**
 * The English words a part of the designer shows: its rendered text and its tooltips,
 * placeholders and accessible names; not the selected field's own name or id in the panel's
 * header, nor an expression's text, which are the administrator's.
 */
async function englishIn(part: Locator): Promise<string[]> {
  // Drawn elements, as far as this needs them (the tests are typed without the DOM's library).
  type Drawn = { innerText: string; offsetParent: unknown };
  const shown = await part.evaluate((root) => {
    // Values, not words: the header's name and what an expression editor holds (a table's data source is its id).
    const values = [...root.querySelectorAll('.bio-properties-panel-header-label, .cm-content')].map((e) => (e as unknown as Drawn).innerText).filter(Boolean);
    const texts = [values.reduce((text, value) => text.replace(value, ''), (root as unknown as Drawn).innerText)];
    for (const el of root.querySelectorAll('[title], [placeholder], [aria-label]')) {
      if ((el as unknown as Drawn).offsetParent === null || el.closest('.bio-properties-panel-header')) continue;
      for (const name of ['title', 'placeholder', 'aria-label']) texts.push(el.getAttribute(name) ?? '');
    }
    return texts.join('\n');
  });
  // The lines with an English word, so a failure shows where it is.
  return [...new Set(shown.split('\n').filter((line) => (line.match(/[A-Za-z]{2,}/g) ?? []).some((w) => !KEPT.has(w))))];
}

/** Every group of the properties panel opened, so each of its entries is drawn. */
async function openAllGroups(page: Page, designer: Locator): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const closed = designer.locator('.fjs-properties-container .bio-properties-panel-group-header:not(.open)');
    const count = await closed.count();
    if (count === 0) return;
    for (let i = count - 1; i >= 0; i--) await closed.nth(i).click();
    await page.waitForTimeout(50);
  }
}

test('设计表单 in Chinese: the palette and every property of each field type an administrator can place show no English', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'admin', '系统管理员');
  await page.goto('/processes/report-up-township/edit');
  await expect(page.getByText('检查通过：没有错误')).toBeVisible();
  await page.locator('.djs-element[data-element-id="initial_review"]').click();
  await page.locator('[data-group-id="group-form"] .bio-properties-panel-group-header').click();
  await page.getByRole('button', { name: '设计表单…' }).click();
  const dialog = page.getByRole('dialog', { name: '设计表单：initial-review' });
  const designer = dialog.getByRole('region', { name: '表单设计器' });
  await expect(designer.locator('.fjs-form-container .fjs-form-field').first()).toBeVisible();

  const palette = designer.locator('.fjs-palette-container');
  expect(await englishIn(palette)).toEqual([]);
  // The form itself (general) selected: its own properties.
  await designer.locator('.fjs-form-container .fjs-form').first().click({ position: { x: 5, y: 5 } });
  await openAllGroups(page, designer);
  expect(await englishIn(designer.locator('.fjs-properties-container'))).toEqual([]);

  const types = await palette.locator('.fjs-palette-field').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-field-type')!));
  expect(types.length).toBeGreaterThan(15);
  const found: Record<string, string[]> = {};
  for (const type of types) {
    // Placed at the end by keyboard (as form-js offers), it is selected and its properties are shown.
    await palette.locator(`.fjs-palette-field[data-field-type="${type}"]`).press('Enter');
    await designer.locator(`.fjs-form-container .fjs-form-field-${type}, .fjs-form-container [data-field-type="${type}"]`).last().click({ position: { x: 3, y: 3 } }).catch(() => undefined);
    await openAllGroups(page, designer);
    const english = await englishIn(designer.locator('.fjs-properties-container'));
    if (english.length > 0) found[type] = english;
    await page.screenshot({ path: `tests/e2e/screenshots/form-designer-${type}-1366x768.png` });
  }
  expect(found).toEqual({});
  await screenshots(page, 'form-designer-properties');
  // On the form, what the editor draws over it (an empty group's hint, a dynamic list's badge) is Chinese too, and so is
  // what a new field starts with (its label, a choice's option, a table's columns, a text block: what the task page
  // would show if left as it is). What stays Latin is the preview's stand-in rows of a new table and a date's format.
  const sample = new Set(['Content', 'yyyy', 'mm', 'dd']);
  const onForm = (await englishIn(designer.locator('.fjs-form-container'))).filter((line) => (line.match(/[A-Za-z]{2,}/g) ?? []).some((w) => !KEPT.has(w) && !sample.has(w)));
  expect(onForm).toEqual([]);
  await expect(designer.locator('.fjs-repeat-render-footer').first()).toHaveText('可重复');
  // Nothing is saved: the dialog closes on the platform's form as it was.
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
});
